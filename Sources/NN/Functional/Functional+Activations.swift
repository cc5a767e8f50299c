import Autograd

extension Functional {
    /// `F.relu(x, inplace=False)`.
    public static func relu(_ input: Tensor, inplace: Bool = false) throws -> Tensor {
        inplace ? try input.reluInPlace() : try input.relu()
    }

    /// `F.leaky_relu(x, negative_slope=0.01, inplace=False)`.
    public static func leakyRelu(_ input: Tensor, negativeSlope: Double = 0.01, inplace: Bool = false) throws -> Tensor {
        let out = try input.leakyRelu(negativeSlope)
        guard inplace else { return out }
        if GradMode.isEnabled && input.requiresGrad {
            throw TorchError.notImplemented("in-place leaky_relu (LeakyReluBackward1) on a tensor that requires grad is not supported")
        }
        return try input.copyInPlace(out)
    }

    /// `F.sigmoid(x)` / `torch.sigmoid`.
    public static func sigmoid(_ input: Tensor) throws -> Tensor { try input.sigmoid() }

    /// `F.tanh(x)` / `torch.tanh`.
    public static func tanh(_ input: Tensor) throws -> Tensor { try input.tanh() }
}
