import Autograd

/// `torch.nn.functional`, the stateless forms the modules call. One file per
/// family of functions.
public enum Functional {}

extension Functional {
    /// `F.linear(x, W, b)`: addmm for 2-D input; other ranks are folded to 2-D
    /// and unfolded again (UnsafeViewBackward0), as PyTorch records them.
    public static func linear(_ input: Tensor, _ weight: Tensor, _ bias: Tensor?) throws -> Tensor {
        let wt = try weight.t()
        if input.dim == 2 {
            if let bias { return try Tensor.addmm(bias, input, wt) }
            return try input.mm(wt, opName: "mm")
        }
        guard input.dim >= 1 else {
            throw TorchError.runtime("both arguments to linear need to be at least 1D, but they are 0D and \(weight.dim)D")
        }
        let inner = input.shape.last!
        let folded = try input.reshape([-1, inner])
        let out = try bias.map { try Tensor.addmm($0, folded, wt) } ?? folded.mm(wt)
        var shape = Array(input.shape.dropLast())
        shape.append(weight.shape[0])
        return try out.unsafeView(shape)
    }
}
