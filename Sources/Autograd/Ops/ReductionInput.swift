// How a reduction reads its input. PyTorch's TensorIterator walks a tensor in
// memory order (dims sorted by stride), so the summation order of a reduction
// over a transposed view is that of the storage, not of a row-major copy.
// This puts the dims in memory order and hands the kernels the storage itself:
// as a contiguous buffer when the view is dense (a permutation of a contiguous
// layout), else with the view's strides; the result is then put back in the
// logical order of the kept dims.

struct ReductionInput {
    /// The reduced dims, wrapped and sorted (all dims when none were given).
    let dims: [Int]
    /// The result's shape without and with the reduced dims (kept as size 1).
    let resultShape: [Int]
    let keptShape: [Int]
    /// The reduction as the kernels see it: the dims in memory order.
    let layout: ReductionLayout
    /// Whether the storage already holds the elements contiguously in memory order.
    private let isDense: Bool
    /// Kept dims in the order the kernels produce them, when that is not the logical order.
    private let keptMemoryOrder: [Int]?

    /// Number of input elements each result element reduces.
    var reducedCount: Int { layout.reducedCount }

    /// - Parameter dims: dims to reduce (negative allowed); empty reduces all dims.
    init(_ t: Tensor, dims requested: [Int]) throws {
        var wrapped: [Int] = []
        for d in requested {
            let w = try Shape.wrapDim(d, rank: t.dim)
            if wrapped.contains(w) { throw TorchError.runtime("dim \(w) appears multiple times in the list of dims") }
            wrapped.append(w)
        }
        wrapped.sort()
        // A 0-d tensor reduces like a one-element vector.
        let shape = t.dim == 0 ? [1] : t.shape
        let strides = t.dim == 0 ? [1] : t.strides
        let reduced = requested.isEmpty ? Array(0..<shape.count) : wrapped
        dims = t.dim == 0 ? [] : reduced
        var result: [Int] = [], kept: [Int] = []
        for (d, size) in t.shape.enumerated() {
            if reduced.contains(d) { kept.append(1) } else { result.append(size); kept.append(size) }
        }
        resultShape = result
        keptShape = kept

        // Memory order: dims of size > 1 by decreasing stride (ties keep their
        // logical order), then the size-1 dims, whose place changes nothing.
        let wide = (0..<shape.count).filter { shape[$0] > 1 }
        let order = wide.sorted { strides[$0] > strides[$1] || (strides[$0] == strides[$1] && $0 < $1) }
            + (0..<shape.count).filter { shape[$0] <= 1 }
        var expected = 1, dense = true
        for d in order.reversed() where shape[d] > 1 {
            if strides[d] != expected { dense = false; break }
            expected *= shape[d]
        }
        isDense = dense
        let memoryShape = order.map { shape[$0] }
        let memoryDims = order.indices.filter { reduced.contains(order[$0]) }
        // A view with gaps is read in place, with its strides, as TensorIterator reads it.
        layout = dense ? try ReductionLayout(shape: memoryShape, dims: memoryDims)
            : try ReductionLayout(shape: memoryShape, strides: order.map { strides[$0] }, dims: memoryDims, offset: t.offset)
        let keptOrder = order.filter { !reduced.contains($0) && shape[$0] > 1 }
        keptMemoryOrder = keptOrder == keptOrder.sorted() ? nil : order.filter { !reduced.contains($0) }
    }

    /// The buffer the kernels read with `layout`: the dense tensor's elements in
    /// memory order (no copy when it is its whole storage), or the whole storage
    /// of a view with gaps (the layout then carries strides and offset).
    func values<T: StorageElement>(_ t: Tensor, as type: T.Type) -> [T] {
        let all = T.buffer(of: t.storage)
        guard isDense else { return all }
        let n = t.count
        return t.offset == 0 && all.count == n ? all : Array(all[t.offset..<(t.offset + n)])
    }

    /// The kernel's results (kept dims in memory order) as a tensor in logical order.
    func result<T: StorageElement>(_ values: [T], dtype: DType, keepdim: Bool) throws -> Tensor {
        let shape = keepdim ? keptShape : resultShape
        guard let keptMemoryOrder else { return Tensor(storage: T.storage(values, dtype: dtype), shape: shape) }
        // Undo the memory-order permutation of the kept dims.
        let memoryKeptShape = keptMemoryOrder.map { keptShape[$0] }
        let kernelOrder = Tensor(storage: T.storage(values, dtype: dtype), shape: memoryKeptShape)
        let logical = keptMemoryOrder.enumerated().sorted { $0.element < $1.element }.map(\.offset)
        let copy = try untracked { try kernelOrder.permute(logical).contiguousCopy() }
        return Tensor(storage: copy.storage, shape: shape)
    }
}

extension Tensor {
    /// Restores the reduced dims of a reduction result as size-1 dims, so it broadcasts against the input.
    func restoringReducedDims(_ input: ReductionInput, keepdim: Bool) throws -> Tensor {
        keepdim || shape == input.keptShape ? self : try reshape(input.keptShape)
    }
}
