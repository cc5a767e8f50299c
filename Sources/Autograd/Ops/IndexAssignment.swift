// Python subscript assignment `a[items] = value` (setitem), as PyTorch
// dispatches it: the basic items give a view (full slices skipped), then
// - no index tensors: `fill_` for a Python number, `copy_` for a tensor;
// - one index tensor and a Python number: `masked_fill_` for a bool mask,
//   `index_fill_` for a 1-D long index;
// - otherwise `index_put_`.
// Writing through a view rebases the base's history (CopySlices).

extension Tensor {
    /// `a[items] = value`; `value.isWrappedNumber` marks a Python number.
    public func indexPut(_ items: [IndexItem], _ value: Tensor) throws {
        if items.count == 1, case .bool(false) = items[0] { return }
        let basic = try applyBasicIndexing(items, keepFullSlices: false)
        let target = basic.appliedAnything ? basic.view : self
        if !basic.indices.contains(where: { $0 != nil }) {
            if value.isWrappedNumber {
                try target.fillInPlace(try value.scalarDouble())
            } else {
                let v = try value.droppingLeadingOnes(toAtMost: target.dim)
                _ = try untracked { try v.expand(target.shape) }
                try target.copyInPlace(v)
            }
            return
        }
        if value.isWrappedNumber && basic.tensorItems == 1 {
            if let (d, mask) = basic.soleMask {
                var m = mask
                for _ in (d + mask.dim)..<Swift.max(target.dim, d + mask.dim) { m = try m.unsqueeze(-1) }
                try target.maskedFillInPlace(m, value)
                return
            }
            if let d = basic.indices.firstIndex(where: { $0 != nil }), let index = basic.indices[d], index.dim == 1 {
                try target.applyInPlace { try $0.indexFill(d, index, value) }
                return
            }
        }
        let plan = try target.advancedIndexPlan(basic.indices)
        let v = try value.droppingLeadingOnes(toAtMost: plan.shape.count)
        guard (try? Shape.broadcast(v.shape, plan.shape)) == plan.shape else {
            throw TorchError.runtime("shape mismatch: value tensor of shape \(Shape.bracketed(value.shape)) cannot be broadcast to indexing result of shape \(Shape.bracketed(plan.shape))")
        }
        try target.applyInPlace {
            try $0.put(plan.positions, values: v, accumulate: false, name: "IndexPutBackward0", valuesShape: plan.shape)
        }
    }

    /// `index_put_(indices, values, accumulate)` with index tensors aligned to dims.
    @discardableResult
    public func indexPutInPlace(_ indices: [Tensor?], _ values: Tensor, accumulate: Bool = false) throws -> Tensor {
        for case let t? in indices where !(t.dtype == .int64 || t.dtype == .int32) {
            throw TorchError.index("tensors used as indices must be long, int, byte or bool tensors")
        }
        guard indices.count <= dim else {
            throw TorchError.index("too many indices for tensor of dimension \(dim) (got \(indices.count))")
        }
        let plan = try advancedIndexPlan(indices)
        guard (try? Shape.broadcast(values.shape, plan.shape)) == plan.shape else {
            throw TorchError.runtime("shape mismatch: value tensor of shape \(Shape.bracketed(values.shape)) cannot be broadcast to indexing result of shape \(Shape.bracketed(plan.shape))")
        }
        return try applyInPlace {
            try $0.put(plan.positions, values: values, accumulate: accumulate, name: "IndexPutBackward0", valuesShape: plan.shape)
        }
    }

    /// PyTorch strips leading size-1 dims of an assigned value (`y[0] = ones(1, 3)`).
    func droppingLeadingOnes(toAtMost rank: Int) throws -> Tensor {
        var leading = 0
        while dim - leading > rank && shape[leading] == 1 { leading += 1 }
        return leading == 0 ? self : try view(Array(shape[leading...]))
    }
}
