import Autograd

/// A map-style dataset (`torch.utils.data.Dataset`): a length and an item per
/// index, each item a tuple of tensors. The interpreter wraps Python-defined
/// datasets in its own conformance.
public protocol Dataset: AnyObject {
    var count: Int { get }
    func item(_ index: Int) throws -> [Tensor]
}

/// `TensorDataset(*tensors)`: item i is `(t[i] for t in tensors)`.
public final class TensorDataset: Dataset {
    public let tensors: [Tensor]

    public init(_ tensors: [Tensor]) throws {
        guard let first = tensors.first else {
            throw TorchError.index("tuple index out of range")
        }
        guard first.dim > 0 else { throw TorchError.index("dimension specified as 0 but tensor has no dimensions") }
        if tensors.contains(where: { $0.dim == 0 || $0.shape[0] != first.shape[0] }) {
            throw TorchError(type: "AssertionError", message: "Size mismatch between tensors")
        }
        self.tensors = tensors
    }

    public var count: Int { tensors[0].shape[0] }

    /// `dataset[index]`, negative indices counting from the end.
    public func item(_ index: Int) throws -> [Tensor] {
        try tensors.map { try $0.select(0, index) }
    }

    /// The rows `indices` of every tensor, batched (what a DataLoader over
    /// this dataset yields, without building each item first).
    public func batch(_ indices: [Int]) throws -> [Tensor] {
        try tensors.map { try Collate.rows(of: $0, indices) }
    }
}

/// `Subset(dataset, indices)`, as `random_split` returns.
public final class Subset: Dataset {
    public let dataset: Dataset
    public let indices: [Int]

    public init(_ dataset: Dataset, indices: [Int]) {
        self.dataset = dataset
        self.indices = indices
    }

    public var count: Int { indices.count }

    public func item(_ index: Int) throws -> [Tensor] {
        let i = index < 0 ? index + indices.count : index
        guard i >= 0 && i < indices.count else { throw TorchError.index("list index out of range") }
        return try dataset.item(indices[i])
    }
}
