/// Which elements PyTorch's `cpu_kernel_vec` sends through its vectorised body
/// and which through the scalar loop, for a float32 elementwise op on an AVX512
/// build. The two formulas round differently, so the split decides the bits.
///
/// TensorIterator drops size-1 dims, coalesces the remaining ones from the
/// innermost outwards while every operand's strides allow it, and calls the
/// inner loop once per run of the innermost (coalesced) dim. That loop is
/// vectorised when every operand is contiguous along it, or one input is a
/// broadcast scalar (stride 0) and the rest contiguous; it then handles 32
/// elements (two 16-lane vectors) at a time from the run's start and leaves the
/// last `run % 32` to the scalar formula. A dense input in permuted layout (a
/// transpose) is walked in memory order, as its result takes the same layout.
/// Large tensors are first cut into one range per thread (`at::parallel_for`).
struct VectorizedLoopPlan {
    /// Logical (row-major) element indices in iteration order; nil when the two agree.
    let order: [Int]?
    /// Iteration positions handled by the vector body; all others run scalar.
    let vectorRanges: [Range<Int>]

    /// Elements per step of the vectorised body (2 × `Vectorized<float>::size()`).
    static let block = 32

    /// `grain` is the op's grain size: the work is split across threads only
    /// when the element count exceeds it, into min(threads, ⌈n / grain⌉) ranges.
    static func plan(shape: [Int], inputStrides: [[Int]], grain: Int) -> VectorizedLoopPlan {
        let n = shape.reduce(1, *)
        if n == 0 { return VectorizedLoopPlan(order: nil, vectorRanges: []) }
        let ranges = threadRanges(count: n, grain: grain)
        if let first = inputStrides.first, inputStrides.allSatisfy({ $0 == first }),
           let order = memoryOrder(shape: shape, strides: first) {
            return VectorizedLoopPlan(order: order.isEmpty ? nil : order,
                                      vectorRanges: ranges.compactMap(vectorPart))
        }
        let (run, vectorised) = innerRun(shape: shape, inputStrides: inputStrides)
        guard vectorised else { return VectorizedLoopPlan(order: nil, vectorRanges: []) }
        var vector: [Range<Int>] = []
        for range in ranges {
            var start = range.lowerBound
            while start < range.upperBound {
                let end = Swift.min(range.upperBound, (start / run + 1) * run)
                if let part = vectorPart(start..<end) { vector.append(part) }
                start = end
            }
        }
        return VectorizedLoopPlan(order: nil, vectorRanges: vector)
    }

    /// The leading whole blocks of one inner-loop call.
    private static func vectorPart(_ r: Range<Int>) -> Range<Int>? {
        let whole = r.count / block * block
        return whole > 0 ? r.lowerBound..<(r.lowerBound + whole) : nil
    }

    /// `at::parallel_for` over [0, n): serial unless n exceeds the grain.
    static func threadRanges(count n: Int, grain: Int) -> [Range<Int>] {
        let threads = TorchThreads.count
        guard threads > 1, n > grain else { return [0..<n] }
        let used = Swift.min(threads, (n + grain - 1) / Swift.max(grain, 1))
        let chunk = (n + used - 1) / used
        return stride(from: 0, to: n, by: chunk).map { $0..<Swift.min(n, $0 + chunk) }
    }

    /// For a tensor densely covering its storage: logical indices sorted by
    /// storage position ([] when that is row-major order); nil otherwise.
    private static func memoryOrder(shape: [Int], strides: [Int]) -> [Int]? {
        let dims = shape.indices.filter { shape[$0] != 1 }
        var expected = 1
        for d in dims.sorted(by: { strides[$0] < strides[$1] }) {
            if strides[d] != expected { return nil }
            expected *= shape[d]
        }
        var rowMajor = 1
        var isRowMajor = true
        for d in dims.reversed() {
            if strides[d] != rowMajor { isRowMajor = false }
            rowMajor *= shape[d]
        }
        if isRowMajor { return [] }
        let offsets = Shape.offsets(shape, strides: strides, base: 0)
        var order = [Int](repeating: 0, count: offsets.count)
        for (logical, position) in offsets.enumerated() { order[position] = logical }
        return order
    }

    /// The innermost coalesced run (the output being contiguous) and whether
    /// its loop is the vectorised one.
    private static func innerRun(shape: [Int], inputStrides: [[Int]]) -> (Int, Bool) {
        let dims = shape.indices.filter { shape[$0] != 1 }
        guard let innermost = dims.last else { return (1, true) }
        var run = shape[innermost]
        for d in dims.dropLast().reversed() {
            let coalesces = inputStrides.allSatisfy { $0[d] == $0[innermost] * run }
            if !coalesces { break }
            run *= shape[d]
        }
        let inner = inputStrides.map { $0[innermost] }
        let vectorised = inner.allSatisfy { $0 == 1 }
            || (inner.filter { $0 == 0 }.count == 1 && inner.allSatisfy { $0 == 0 || $0 == 1 })
        return (run, vectorised)
    }
}
