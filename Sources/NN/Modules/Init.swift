import Autograd

/// `torch.nn.init`: in-place initialisers run without recording history,
/// drawing from PyTorch's generator in PyTorch's order (torch-fidelity §4).
public enum Init {
    /// uniform(−bound, bound).
    public static func uniform(_ t: Tensor, bound: Double, generator: TorchGenerator = .default) throws {
        try GradMode.with(enabled: false) { _ = try t.uniformInPlace(from: -bound, to: bound, generator: generator) }
    }

    /// `(fan_in, fan_out)` of a weight, with PyTorch's error for rank < 2.
    public static func fans(_ t: Tensor) throws -> (fanIn: Int, fanOut: Int) {
        guard t.dim >= 2 else {
            throw TorchError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = t.shape.dropFirst(2).reduce(1, *)
        return (t.shape[1] * receptive, t.shape[0] * receptive)
    }
}
