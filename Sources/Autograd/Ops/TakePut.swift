// The two primitives behind gather, index_select, masked_select, advanced
// indexing, scatter and index_put: reading and writing elements at flat
// positions of a contiguous tensor.
//   take(p):        out[i] = a.flat[p[i]];           ∂a = zeros.put(p, g, accumulate)
//   put(p, v, acc): out = a; out.flat[p[i]] (+)= v[i];  ∂a = acc ? g : g with p zeroed,  ∂v = g.take(p)
// Callers compute the positions (with PyTorch's checks and errors) and the
// PyTorch name to record.

extension Tensor {
    /// Elements of self at flat row-major positions `p`, shaped `shape`.
    func take(_ p: [Int], shape: [Int], name: String) throws -> Tensor {
        let a = self
        try MemoryAccounting.check(elements: p.count, dtype: dtype)
        let src = try contiguous()
        let out: Tensor
        let o = src.offset
        switch dtype {
        case .float32:
            let v = src.storage.f32
            out = Tensor(storage: Storage(p.map { v[o + $0] }), shape: shape)
        case .float64:
            let v = src.storage.f64
            out = Tensor(storage: Storage(p.map { v[o + $0] }), shape: shape)
        case .int64, .int32:
            let v = src.storage.i64
            out = Tensor(storage: Storage(p.map { v[o + $0] }, dtype: dtype), shape: shape)
        case .bool:
            let v = src.storage.bools
            out = Tensor(storage: Storage(p.map { v[o + $0] }), shape: shape)
        }
        let sourceShape = shape, baseShape = a.shape
        return try out.recorded(name, symbol: "[]", inputs: [a], tangent: { try $0[0]?.take(p, shape: sourceShape, name: name) }) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).put(p, values: g, accumulate: true, name: "IndexPutBackward0")]
        }
    }

    /// A copy of self with `values` (broadcast to `p.count` elements in the
    /// shape `values` is broadcast to) written or added at flat positions `p`.
    func put(_ p: [Int], values: Tensor, accumulate: Bool, name: String, valuesShape: [Int]? = nil) throws -> Tensor {
        let a = self
        let out = try contiguousCopy()
        let targetShape = valuesShape ?? values.shape
        let v = try untracked { try values.converted(dtype).expand(targetShape).contiguousCopy() }
        guard v.count == p.count else {
            throw TorchError.runtime("shape mismatch: value tensor of shape \(Shape.bracketed(values.shape)) cannot be broadcast to indexing result of shape \(Shape.bracketed(targetShape))")
        }
        switch dtype {
        case .float32:
            let src = v.storage.f32
            out.storage.f32.withUnsafeMutableBufferPointer { d in
                if accumulate { for (i, q) in p.enumerated() { d[q] += src[i] } } else { for (i, q) in p.enumerated() { d[q] = src[i] } }
            }
        case .float64:
            let src = v.storage.f64
            out.storage.f64.withUnsafeMutableBufferPointer { d in
                if accumulate { for (i, q) in p.enumerated() { d[q] += src[i] } } else { for (i, q) in p.enumerated() { d[q] = src[i] } }
            }
        case .int64, .int32:
            let src = v.storage.i64
            if accumulate { for (i, q) in p.enumerated() { out.storage.i64[q] &+= src[i] } } else { for (i, q) in p.enumerated() { out.storage.i64[q] = src[i] } }
            if dtype == .int32 { out.storage.i64 = out.storage.i64.map { Int64(Int32(truncatingIfNeeded: $0)) } }
        case .bool:
            let src = v.storage.bools
            if accumulate { for (i, q) in p.enumerated() { out.storage.bools[q] = out.storage.bools[q] || src[i] } } else { for (i, q) in p.enumerated() { out.storage.bools[q] = src[i] } }
        }
        return try out.recorded(name, symbol: "[]=", inputs: [a, values],
                                tangent: { t in
                                    let base = try t[0] ?? Tensor.zerosLike(a)
                                    let part = try t[1] ?? Tensor.zeros(targetShape, dtype: base.dtype)
                                    return try base.put(p, values: part, accumulate: accumulate, name: name, valuesShape: targetShape)
                                }) { g in
            let gc = try g.contiguous()
            let ga: Tensor? = a.requiresGrad
                ? (accumulate ? gc : try gc.put(p, values: Tensor.zeros([], dtype: g.dtype), accumulate: false, name: name, valuesShape: targetShape))
                : nil
            let gv: Tensor? = values.requiresGrad ? try gc.take(p, shape: targetShape, name: "IndexBackward0").sumToShape(values.shape) : nil
            return [ga, gv]
        }
    }
}

extension Shape {
    /// `[2, 3]`, as PyTorch writes sizes inside messages.
    public static func bracketed(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }
}
