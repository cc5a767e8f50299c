import Autograd

extension Functional {
    /// `torch.flatten(x, start_dim, end_dim)`.
    public static func flatten(_ input: Tensor, startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        try input.flatten(startDim: startDim, endDim: endDim)
    }

    /// `x.unflatten(dim, sizes)` / `nn.Unflatten`: a view splitting one dim.
    public static func unflatten(_ input: Tensor, dim: Int, sizes: [Int]) throws -> Tensor {
        // Checked here so the product error comes first, as in PyTorch
        // (Tensor.unflatten reports the view's shape error instead).
        let d = try Shape.wrapDim(dim, rank: input.dim)
        let size = input.dim == 0 ? 1 : input.shape[d]
        let known = sizes.filter { $0 != -1 }.reduce(1, *)
        let inferred = sizes.filter { $0 == -1 }.count
        let fits = inferred == 0 ? known == size : (inferred == 1 && known != 0 && size % known == 0)
        guard fits else {
            throw TorchError.runtime("unflatten: Provided sizes \(Shape.bracketed(sizes)) don't multiply up to the size of dim \(dim) (\(size)) in the input tensor")
        }
        return try input.unflatten(dim, sizes)
    }

    /// `F.one_hot(tensor, num_classes=-1)`: int64 indicators in a new last dim.
    public static func oneHot(_ input: Tensor, numClasses: Int = -1) throws -> Tensor {
        guard input.dtype == .int64 else {
            throw TorchError.runtime("one_hot is only applicable to index tensor of type LongTensor.")
        }
        let values = input.int64s()
        var classes = numClasses
        if classes == -1 {
            guard let top = values.max() else {
                throw TorchError.runtime("Can not infer total number of classes from empty tensor.")
            }
            classes = Int(top) + 1
        }
        if values.contains(where: { $0 < 0 }) { throw TorchError.runtime("Class values must be non-negative.") }
        if values.contains(where: { $0 >= Int64(classes) }) { throw TorchError.runtime("Class values must be smaller than num_classes.") }
        let out = try Tensor.zeros(input.shape + [classes], dtype: .int64)
        for (i, v) in values.enumerated() { out.storage.i64[i * classes + Int(v)] = 1 }
        return out
    }
}
