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

extension Functional {
    /// The dim `F.softmax`, `F.log_softmax` and `nn.Softmax(dim=None)` pick
    /// when none is given (`_get_softmax_dim`): 0 for 0-, 1- and 3-D input, else 1.
    public static func implicitSoftmaxDim(rank: Int) -> Int { rank == 0 || rank == 1 || rank == 3 ? 0 : 1 }

    /// The UserWarning PyTorch gives for that implicit choice (`name` is
    /// `softmax`, `log_softmax` or `softmin`).
    public static func implicitDimWarning(_ name: String) -> String {
        "Implicit dimension choice for \(name) has been deprecated. Change the call to include dim=X as an argument."
    }

    /// `F.softmax(x, dim)`; a nil dim takes the implicit choice (the binding warns).
    public static func softmax(_ input: Tensor, dim: Int?) throws -> Tensor {
        try input.softmax(dim: dim ?? implicitSoftmaxDim(rank: input.dim))
    }

    /// `F.log_softmax(x, dim)`.
    public static func logSoftmax(_ input: Tensor, dim: Int?) throws -> Tensor {
        try input.logSoftmax(dim: dim ?? implicitSoftmaxDim(rank: input.dim))
    }

    /// `F.gelu(x, approximate='none')`.
    public static func gelu(_ input: Tensor, approximate: String = "none") throws -> Tensor {
        try input.gelu(approximate: approximate)
    }

    /// `F.elu(x, alpha=1.0)`.
    public static func elu(_ input: Tensor, alpha: Double = 1) throws -> Tensor { try input.elu(alpha: alpha) }

    /// `F.softplus(x, beta=1.0, threshold=20.0)`.
    public static func softplus(_ input: Tensor, beta: Double = 1, threshold: Double = 20) throws -> Tensor {
        try input.softplus(beta: beta, threshold: threshold)
    }

    /// `F.silu(x)`.
    public static func silu(_ input: Tensor) throws -> Tensor { try input.silu() }

    /// `F.logsigmoid(x)`.
    public static func logSigmoid(_ input: Tensor) throws -> Tensor { try input.logSigmoid() }

    /// `F.hardtanh(x, min_val=-1.0, max_val=1.0)`.
    public static func hardtanh(_ input: Tensor, minVal: Double = -1, maxVal: Double = 1) throws -> Tensor {
        try input.hardtanh(min: minVal, max: maxVal)
    }

    /// `F.softsign(x)`: x / (1 + |x|), composed of ops as torch.nn.functional's Python is
    /// (so its graph shows DivBackward0).
    public static func softsign(_ input: Tensor) throws -> Tensor {
        try input.div(input.abs().add(Tensor.wrapped(1, dtype: .int64)))
    }

    /// `F.tanhshrink(x)`: x − tanh x, composed of ops as torch.nn.functional's Python is.
    public static func tanhshrink(_ input: Tensor) throws -> Tensor { try input.sub(input.tanh()) }
}
