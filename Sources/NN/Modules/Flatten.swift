import Autograd

/// `nn.Flatten(start_dim=1, end_dim=-1)`.
public final class Flatten: Module {
    public let startDim: Int
    public let endDim: Int
    public init(startDim: Int = 1, endDim: Int = -1) {
        self.startDim = startDim
        self.endDim = endDim
        super.init(typeName: "Flatten")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.flatten(input, startDim: startDim, endDim: endDim) }
    public override var extraRepr: String { "start_dim=\(startDim), end_dim=\(endDim)" }
}

/// `nn.Unflatten(dim, unflattened_size)`.
public final class Unflatten: Module {
    public let dim: Int
    public let unflattenedSize: [Int]
    public init(dim: Int, unflattenedSize: [Int]) {
        self.dim = dim
        self.unflattenedSize = unflattenedSize
        super.init(typeName: "Unflatten")
    }
    public override func forward(_ input: Tensor) throws -> Tensor { try Functional.unflatten(input, dim: dim, sizes: unflattenedSize) }
    public override var extraRepr: String {
        "dim=\(dim), unflattened_size=" + PythonRepr.tuple(unflattenedSize.map(String.init))
    }
}
