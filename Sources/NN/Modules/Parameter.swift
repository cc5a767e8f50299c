import Autograd

/// `nn.Parameter(data, requires_grad=True)`: a new leaf sharing `data`'s
/// storage, flagged so it prints `Parameter containing:` and registers
/// itself when assigned to a module attribute.
public enum Parameter {
    public static func make(_ data: Tensor, requiresGrad: Bool = true) throws -> Tensor {
        let p = Tensor(storage: data.storage, shape: data.shape, strides: data.strides, offset: data.offset)
        try p.setRequiresGrad(requiresGrad)
        p.isParameter = true
        return p
    }
}
