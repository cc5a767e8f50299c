import Autograd

/// `default_collate` for tensors: samples stacked along a new first dimension.
public enum Collate {
    /// Stacks the i-th tensor of every sample: `[samples][fields] -> [fields]`.
    public static func batch(_ samples: [[Tensor]]) throws -> [Tensor] {
        guard let first = samples.first else { return [] }
        for s in samples where s.count != first.count {
            throw TorchError.runtime("each element in list of batch should be of equal size")
        }
        return try (0..<first.count).map { field in try stack(samples.map { $0[field] }) }
    }

    /// `torch.stack(tensors, 0)`; samples without history are copied directly,
    /// samples that require grad go through `Tensor.stack` (StackBackward0).
    public static func stack(_ tensors: [Tensor]) throws -> Tensor {
        guard let first = tensors.first else { throw TorchError.runtime("stack expects a non-empty TensorList") }
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TorchError.runtime("stack expects each tensor to be equal size, but got \(shapeText(first.shape)) at entry 0 and \(shapeText(t.shape)) at entry \(i)")
        }
        if GradMode.isEnabled && tensors.contains(where: { $0.requiresGrad }) {
            return try Tensor.stack(tensors, dim: 0)
        }
        let dtype = tensors.dropFirst().reduce(first.dtype) { Promotion.promote($0, $1.dtype) }
        let per = first.count
        let shape = [tensors.count] + first.shape
        let out = try Tensor.zeros(shape, dtype: dtype)
        for (i, t) in tensors.enumerated() { copy(t, into: out, at: i * per) }
        return out
    }

    /// The rows `indices` of `t` as one new tensor (`t[indices]` without history).
    public static func rows(of t: Tensor, _ indices: [Int]) throws -> Tensor {
        guard t.dim > 0 else { throw TorchError.index("too many indices for tensor of dimension 0") }
        let n = t.shape[0]
        let rowShape = Array(t.shape.dropFirst())
        let per = Shape.count(rowShape)
        if GradMode.isEnabled && t.requiresGrad {
            return try stack(indices.map { try t.select(0, $0) })
        }
        let out = try Tensor.zeros([indices.count] + rowShape, dtype: t.dtype)
        let source = t.isContiguous ? t : try t.contiguousCopy()
        for (k, raw) in indices.enumerated() {
            let i = raw < 0 ? raw + n : raw
            guard i >= 0 && i < n else { throw TorchError.index("index \(raw) is out of bounds for dimension 0 with size \(n)") }
            copyRange(source, from: source.offset + i * per, count: per, into: out, at: k * per)
        }
        return out
    }

    private static func shapeText(_ s: [Int]) -> String { "[" + s.map(String.init).joined(separator: ", ") + "]" }

    /// Copies all of `t` (any strides, converted to out's dtype) to `out` from element `start`.
    private static func copy(_ t: Tensor, into out: Tensor, at start: Int) {
        if t.dtype == out.dtype && t.isContiguous {
            copyRange(t, from: t.offset, count: t.count, into: out, at: start)
            return
        }
        for (k, o) in t.elementOffsets().enumerated() { out.storage.setDouble(start + k, t.storage.double(o)) }
    }

    private static func copyRange(_ t: Tensor, from: Int, count: Int, into out: Tensor, at start: Int) {
        guard count > 0 else { return }
        switch out.dtype {
        case .float32: out.storage.f32.replaceSubrange(start..<(start + count), with: t.storage.f32[from..<(from + count)])
        case .float64: out.storage.f64.replaceSubrange(start..<(start + count), with: t.storage.f64[from..<(from + count)])
        case .int64, .int32: out.storage.i64.replaceSubrange(start..<(start + count), with: t.storage.i64[from..<(from + count)])
        case .bool: out.storage.bools.replaceSubrange(start..<(start + count), with: t.storage.bools[from..<(from + count)])
        }
    }
}
