// Python subscripts `a[...]` (getitem) in PyTorch's order: basic items
// (ints → select, slices → slice, None → unsqueeze, Ellipsis) are applied
// left to right as views; index tensors (long lists/tensors and bool masks)
// are collected with the dim they apply to and applied last as one advanced
// index (IndexBackward0), whose result dims go where the index tensors were
// when they are adjacent, else in front (NumPy's rule).

/// One item of a Python subscript.
public enum IndexItem {
    case int(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    case none
    case ellipsis
    /// A Python bool (`a[True]`).
    case bool(Bool)
    /// An int64/int32 index tensor (lists arrive here as tensors) or a bool mask.
    case tensor(Tensor)
}

/// The outcome of the basic items: a view of the tensor plus the index
/// tensors still to apply, aligned with the view's dims.
struct BasicIndexing {
    var view: Tensor
    var indices: [Tensor?]
    var appliedAnything: Bool
    /// How many tensor items the subscript had, and the bool mask when it is the only one.
    var tensorItems = 0
    var soleMask: (dim: Int, mask: Tensor)? = nil
}

extension Tensor {
    /// `a[items]`. `isTuple` is false for a lone subscript (`a[1:]`), where
    /// PyTorch slices even when the slice covers everything.
    public func index(_ items: [IndexItem], isTuple: Bool = true) throws -> Tensor {
        let basic = try applyBasicIndexing(items, keepFullSlices: !isTuple)
        if basic.indices.contains(where: { $0 != nil }) {
            return try basic.view.advancedIndex(basic.indices)
        }
        if !basic.appliedAnything { return try alias() }
        return basic.view
    }

    /// `a.alias()` / `a[...]`: the same data as a new tensor (AliasBackward0).
    public func alias() throws -> Tensor {
        let a = self
        let out = makeView(shape: shape, strides: strides, offset: offset)
        return try out.recorded("AliasBackward0", symbol: "alias", inputs: [a], tangent: { $0[0] }) { g in [g] }
    }

    /// Applies ints, slices, None and Ellipsis; collects index tensors.
    func applyBasicIndexing(_ items: [IndexItem], keepFullSlices: Bool) throws -> BasicIndexing {
        var consumed = 0
        var ellipses = 0
        for item in items {
            switch item {
            case .int, .slice: consumed += 1
            case .tensor(let t):
                if t.dtype == .bool { consumed += t.dim } else { consumed += 1 }
            case .ellipsis: ellipses += 1
            case .none, .bool: break
            }
        }
        if ellipses > 1 { throw TorchError.index("an index can only have a single ellipsis ('...')") }
        if consumed > dim {
            if dim == 0, items.count == 1, case .int = items[0] {
                throw TorchError.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
            }
            throw TorchError.index("too many indices for tensor of dimension \(dim)")
        }
        var result = self
        var indices: [Tensor?] = []
        var d = 0
        var applied = false
        var tensorItems = 0
        var mask: (dim: Int, mask: Tensor)? = nil
        func place(_ t: Tensor, at position: Int) {
            while indices.count < position { indices.append(nil) }
            indices.append(t)
        }
        for item in items {
            switch item {
            case .int(let i):
                result = try result.select(d, i)
                applied = true
            case .slice(let start, let stop, let step):
                let st = step ?? 1
                if st == 0 { throw TorchError.value("slice step cannot be zero") }
                if st < 0 { throw TorchError.value("step must be greater than zero") }
                let size = result.shape[d]
                func normalized(_ v: Int?, _ fallback: Int) -> Int {
                    guard let v else { return fallback }
                    return Swift.min(Swift.max(v < 0 ? v + size : v, 0), size)
                }
                let full = normalized(start, 0) == 0 && normalized(stop, size) == size && st == 1
                if !full || keepFullSlices {
                    result = try result.slice(d, start: start, end: stop, step: st)
                    applied = true
                }
                d += 1
            case .none:
                result = try result.unsqueeze(d)
                applied = true
                d += 1
            case .ellipsis:
                d += dim - consumed
            case .bool(let flag):
                result = try result.unsqueeze(d)
                applied = true
                place(Tensor(storage: Storage(flag ? [0] : [], dtype: .int64), shape: [flag ? 1 : 0]), at: d)
                d += 1
            case .tensor(let t):
                if t.dim > 0 || t.dtype == .bool { tensorItems += 1 }
                if t.dtype == .bool {
                    if t.dim == 0 {
                        result = try result.unsqueeze(d)
                        applied = true
                        let flag = t.bools()[0]
                        place(Tensor(storage: Storage(flag ? [0] : [], dtype: .int64), shape: [flag ? 1 : 0]), at: d)
                        d += 1
                        continue
                    }
                    for j in 0..<t.dim where t.shape[j] != result.shape[d + j] {
                        throw TorchError.index("The shape of the mask \(Shape.bracketed(t.shape)) at index \(j) does not match the shape of the indexed tensor \(Shape.bracketed(result.shape)) at index \(d + j)")
                    }
                    mask = (d, t)
                    let nz = try t.nonzero()
                    for j in 0..<t.dim { place(try untracked { try nz.select(1, j).contiguousCopy() }, at: d + j) }
                    d += t.dim
                } else if t.dtype == .int64 || t.dtype == .int32 {
                    if t.dim == 0 {
                        result = try result.select(d, Int(try t.scalarInt64()))
                        applied = true
                    } else {
                        place(t, at: d)
                        d += 1
                    }
                } else {
                    throw TorchError.index("tensors used as indices must be long, int, byte or bool tensors")
                }
            }
        }
        return BasicIndexing(view: result, indices: indices, appliedAnything: applied,
                             tensorItems: tensorItems, soleMask: tensorItems == 1 ? mask : nil)
    }

    /// Flat positions and result shape of an advanced index (index tensors
    /// aligned with self's leading dims, nil for a dim taken whole).
    func advancedIndexPlan(_ indices: [Tensor?]) throws -> (positions: [Int], shape: [Int], indexShape: [Int]) {
        var defined: [(dim: Int, tensor: Tensor)] = []
        for (d, t) in indices.enumerated() { if let t { defined.append((d, t)) } }
        var broadcastShape: [Int] = []
        for (_, t) in defined {
            do { broadcastShape = try Shape.broadcast(broadcastShape, t.shape) } catch {
                let shapes = defined.map { Shape.bracketed($0.tensor.shape) }.joined(separator: ", ")
                throw TorchError.index("shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
            }
        }
        let strides = Shape.contiguousStrides(shape)
        let blockCount = Shape.count(broadcastShape)
        var blockOffsets = [Int](repeating: 0, count: blockCount)
        for (d, t) in defined {
            let size = shape[d]
            let raw = t.int64s()
            let map = ElementwiseKernel.broadcastIndices(from: t.shape, to: broadcastShape)
            for b in 0..<blockCount {
                var v = Int(raw[t.shape == broadcastShape ? b : map[b]])
                guard v >= -size && v < size else {
                    throw TorchError.index("index \(v) is out of bounds for dimension \(d) with size \(size)")
                }
                if v < 0 { v += size }
                blockOffsets[b] += v * strides[d]
            }
        }
        let indexedDims = defined.map(\.dim)
        let adjacent = indexedDims.last! - indexedDims.first! + 1 == indexedDims.count
        let others = (0..<dim).filter { !indexedDims.contains($0) }
        // The result's dims: a block dim (all index dims flattened) plus the others, in output order.
        enum Axis { case block, other(Int) }
        var axes: [Axis] = []
        var outShape: [Int] = []
        if adjacent {
            for d in others where d < indexedDims[0] { axes.append(.other(d)); outShape.append(shape[d]) }
            axes.append(.block); outShape += broadcastShape
            for d in others where d > indexedDims[0] { axes.append(.other(d)); outShape.append(shape[d]) }
        } else {
            axes.append(.block); outShape += broadcastShape
            for d in others { axes.append(.other(d)); outShape.append(shape[d]) }
        }
        let sizes = axes.map { axis -> Int in
            switch axis { case .block: return blockCount; case .other(let d): return shape[d] }
        }
        let total = sizes.reduce(1, *)
        try MemoryAccounting.check(elements: total, dtype: dtype)
        var positions = [Int](repeating: 0, count: total)
        if total > 0 {
            var counter = [Int](repeating: 0, count: axes.count)
            for i in 0..<total {
                var p = 0
                for (k, axis) in axes.enumerated() {
                    switch axis {
                    case .block: p += blockOffsets[counter[k]]
                    case .other(let d): p += counter[k] * strides[d]
                    }
                }
                positions[i] = p
                var k = axes.count - 1
                while k >= 0 {
                    counter[k] += 1
                    if counter[k] < sizes[k] { break }
                    counter[k] = 0
                    k -= 1
                }
            }
        }
        return (positions, outShape, broadcastShape)
    }

    /// `aten::index`: advanced indexing with index tensors aligned to dims (IndexBackward0).
    func advancedIndex(_ indices: [Tensor?]) throws -> Tensor {
        let plan = try advancedIndexPlan(indices)
        return try take(plan.positions, shape: plan.shape, name: "IndexBackward0")
    }
}
