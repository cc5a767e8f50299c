// cat / stack and their inverses split / chunk / unbind.
//   cat(ts, d):    ∂tᵢ = g.narrow(d, offsetᵢ, sizeᵢ)      (CatBackward0)
//   stack(ts, d):  ∂tᵢ = g.select(d, i)                  (StackBackward0)
//   split pieces:  ∂a = zeros with g in the piece's place (SplitBackward0 / UnbindBackward0)

extension Tensor {
    /// `torch.cat(tensors, dim)` with PyTorch's promotion and errors
    /// (1-D empty tensors are skipped, as PyTorch's legacy rule does).
    public static func cat(_ tensors: [Tensor], dim dimension: Int = 0) throws -> Tensor {
        guard !tensors.isEmpty else { throw TorchError.value("torch.cat(): expected a non-empty list of Tensors") }
        for (i, t) in tensors.enumerated() where t.dim == 0 {
            throw TorchError.runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let parts = tensors.enumerated().filter { !($0.element.dim == 1 && $0.element.count == 0) }
        let dtype = tensors.dropFirst().reduce(tensors[0].dtype) { Promotion.promote($0, $1.dtype) }
        guard let reference = parts.first?.element else {
            return try Tensor.zeros([0], dtype: dtype)
        }
        let d = try Shape.wrapDim(dimension, rank: reference.dim)
        for (i, t) in parts where t.dim != reference.dim {
            _ = i
            throw TorchError.runtime("Tensors must have same number of dimensions: got \(reference.dim) and \(t.dim)")
        }
        for (i, t) in parts {
            for k in 0..<reference.dim where k != d && t.shape[k] != reference.shape[k] {
                throw TorchError.runtime("Sizes of tensors must match except in dimension \(d). Expected size \(reference.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
        }
        var outShape = reference.shape
        outShape[d] = parts.reduce(0) { $0 + $1.element.shape[d] }
        let out = try Tensor.zeros(outShape, dtype: dtype)
        var sizes: [Int] = [], start = 0
        try untracked {
            for (_, t) in parts {
                let n = t.shape[d]
                try out.slice(d, start: start, end: start + n).assign(t)
                sizes.append(n)
                start += n
            }
        }
        out.storage.version = 0
        let inputs = parts.map(\.element)
        return try out.recorded("CatBackward0", symbol: "cat", inputs: inputs,
                                tangent: { ts in
                                    let filled = try zip(inputs, ts).map { try $1 ?? Tensor.zerosLike($0).to(dtype) }
                                    return try Tensor.cat(filled, dim: d)
                                }) { g in
            var offset = 0
            return InputGradients(try zip(inputs, sizes).map { t, n in
                defer { offset += n }
                return t.requiresGrad ? try g.narrow(d, start: offset, length: n).to(t.dtype) : nil
            })
        }
    }

    /// `torch.stack(tensors, dim)`.
    public static func stack(_ tensors: [Tensor], dim dimension: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TorchError.runtime("stack expects a non-empty TensorList") }
        let d = try Shape.wrapDim(dimension, rank: first.dim + 1)
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TorchError.runtime("stack expects each tensor to be equal size, but got \(Shape.bracketed(first.shape)) at entry 0 and \(Shape.bracketed(t.shape)) at entry \(i)")
        }
        let joined = try untracked { try Tensor.cat(tensors.map { try $0.unsqueeze(d) }, dim: d) }
        let inputs = tensors
        return try joined.recorded("StackBackward0", symbol: "stack", inputs: inputs,
                                   tangent: { ts in
                                       try Tensor.stack(zip(inputs, ts).map { try $1 ?? Tensor.zerosLike($0).to(joined.dtype) }, dim: d)
                                   }) { g in
            InputGradients(try inputs.enumerated().map { i, t in t.requiresGrad ? try g.select(d, i).to(t.dtype) : nil })
        }
    }

    /// `narrow(dim, start, length)` (SliceBackward0).
    public func narrow(_ dimension: Int, start: Int, length: Int) throws -> Tensor {
        guard dim > 0 else { throw TorchError.runtime("narrow() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(dimension, rank: dim)
        let size = shape[d]
        guard start >= -size && start <= size else {
            throw TorchError.index("start out of range (expected to be in range of [\(-size), \(size)], but got \(start))")
        }
        let s = start < 0 ? start + size : start
        guard length >= 0 && s + length <= size else {
            throw TorchError.runtime("start (\(s)) + length (\(length)) exceeds dimension size (\(size)).")
        }
        return try slice(d, start: s, end: s + length)
    }

    /// One piece of a split: a slice recorded under the split's name.
    private func piece(_ d: Int, start: Int, length: Int, name: String, squeeze: Bool) throws -> Tensor {
        let a = self
        let view = try untracked { try slice(d, start: start, end: start + length) }
        var out = view.makeView(shape: view.shape, strides: view.strides, offset: view.offset)
        if squeeze { out = try untracked { try out.squeeze(d) }; out = out.makeView(shape: out.shape, strides: out.strides, offset: out.offset) }
        out.viewBase = a.viewBase ?? a
        return try out.recorded(name, symbol: "split", inputs: [a],
                                tangent: { t in
                                    let part = try t[0]?.slice(d, start: start, end: start + length)
                                    return squeeze ? try part?.squeeze(d) : part
                                }) { g in
            let gg = squeeze ? try g.unsqueeze(d) : g
            return [try Tensor.scatterSlice(gg, into: a.shape, dim: d, start: start, step: 1, dtype: g.dtype)]
        }
    }

    /// `split(size, dim)`: pieces of `size` (the last may be smaller).
    public func split(_ size: Int, dim dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let d = try Shape.wrapDim(dimension, rank: dim)
        guard size >= 0 else { throw TorchError.runtime("split expects split_size be non-negative, but got split_size=\(size)") }
        let total = shape[d]
        if size == 0 {
            guard total == 0 else { throw TorchError.runtime("split_size can only be 0 if dimension size is 0, but got dimension size of \(total)") }
            return [try piece(d, start: 0, length: 0, name: "SplitBackward0", squeeze: false)]
        }
        let count = Swift.max((total + size - 1) / size, 1)
        return try (0..<count).map { i in
            try piece(d, start: i * size, length: Swift.min(size, total - i * size), name: "SplitBackward0", squeeze: false)
        }
    }

    /// `split([sizes], dim)` (SplitWithSizesBackward0).
    public func split(sizes: [Int], dim dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("split expects at least a 1-dimensional tensor") }
        let d = try Shape.wrapDim(dimension, rank: dim)
        guard sizes.reduce(0, +) == shape[d], !sizes.contains(where: { $0 < 0 }) else {
            throw TorchError.runtime("split_with_sizes expects split_sizes to sum exactly to \(shape[d]) (input tensor's size at dimension \(d)), but got split_sizes=\(Shape.bracketed(sizes))")
        }
        var start = 0
        return try sizes.map { n in
            defer { start += n }
            return try piece(d, start: start, length: n, name: "SplitWithSizesBackward0", squeeze: false)
        }
    }

    /// `chunk(chunks, dim)`: split into pieces of ceil(size / chunks).
    public func chunk(_ chunks: Int, dim dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.runtime("chunk expects at least a 1-dimensional tensor") }
        guard chunks > 0 else { throw TorchError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
        let d = try Shape.wrapDim(dimension, rank: dim)
        let size = (shape[d] + chunks - 1) / chunks
        if size == 0 { return try split(sizes: [Int](repeating: 0, count: chunks), dim: d) }
        return try split(size, dim: d)
    }

    /// `unbind(dim)`: the slices along `dim` without that dim (UnbindBackward0).
    public func unbind(_ dimension: Int = 0) throws -> [Tensor] {
        guard dim > 0 else { throw TorchError.index("Dimension specified as 0 but tensor has no dimensions") }
        let d = try Shape.wrapDim(dimension, rank: dim)
        return try (0..<shape[d]).map { i in try piece(d, start: i, length: 1, name: "UnbindBackward0", squeeze: true) }
    }
}
