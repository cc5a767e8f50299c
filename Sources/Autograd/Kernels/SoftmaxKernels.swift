/// `softmax` / `log_softmax` along one axis and their backward formulas, with
/// PyTorch's CPU arithmetic (`SoftMaxKernel.cpp`): subtract the max, exponentiate,
/// sum, then multiply by the reciprocal (last axis) or divide (other axes).
/// The sums follow PyTorch's order; only PyTorch's vectorised `exp` (Sleef, not
/// correctly rounded) can make the last bit differ.
public enum SoftmaxKernels {
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func softmax<T: KernelFloat>(_ input: [T], _ split: AxisSplit) -> [T] {
        forward(input, split, logarithmic: false)
    }

    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func logSoftmax<T: KernelFloat>(_ input: [T], _ split: AxisSplit) -> [T] {
        forward(input, split, logarithmic: true)
    }

    /// Gradient of softmax from its output y: `y * (g - Σ g·y)`.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func softmaxBackward<T: KernelFloat>(
        gradOutput: [T], output: [T], _ split: AxisSplit
    ) -> [T] {
        var gradInput = [T](repeating: 0, count: output.count)
        forEachLine(split) { base, stride in
            let count = split.axis
            let dot: T = split.inner == 1
                ? laneSum(count: count, products: { (gradOutput[base + $0], output[base + $0]) }, fusedTail: split.outer == 1)
                : sequentialSum(count: count, fusedProducts: {
                    (gradOutput[base + $0 * stride], output[base + $0 * stride])
                })
            for position in 0..<count {
                let index = base + position * stride
                gradInput[index] = (gradOutput[index] - dot) * output[index]
            }
        }
        return gradInput
    }

    /// Gradient of log_softmax from its output y: `g - exp(y) * Σ g`.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func logSoftmaxBackward<T: KernelFloat>(
        gradOutput: [T], output: [T], _ split: AxisSplit
    ) -> [T] {
        var gradInput = [T](repeating: 0, count: output.count)
        forEachLine(split) { base, stride in
            let count = split.axis
            let total: T = split.inner == 1
                ? laneSum(count: count) { gradOutput[base + $0] }
                : sequentialSum(count: count) { gradOutput[base + $0 * stride] }
            let vectorised = split.inner == 1 || isVectorColumn(base % split.inner, inner: split.inner, count: count, as: T.self)
            for position in 0..<count {
                let index = base + position * stride
                // Compiled as one fused multiply-subtract in PyTorch.
                let e = vectorised ? T.vectorExponential(output[index]) : T.exponential(output[index])
                gradInput[index] = gradOutput[index].addingProduct(-e, total)
            }
        }
        return gradInput
    }

    private static func forward<T: KernelFloat>(_ input: [T], _ split: AxisSplit, logarithmic: Bool) -> [T] {
        var output = [T](repeating: 0, count: input.count)
        guard split.axis > 0 else { return output }
        if split.inner == 1 {
            lastDimForward(input, &output, split, logarithmic: logarithmic)
        } else if logarithmic {
            logSoftmaxInnerForward(input, &output, split)
        } else {
            softmaxInnerForward(input, &output, split)
        }
        return output
    }

    /// `_vec_softmax_lastdim` / `_vec_log_softmax_lastdim`: per contiguous row, the max,
    /// vectorised exp (SLEEF) summed in lanes, then a reciprocal multiply or
    /// `(x − max) − log(sum)` with a vectorised log.
    private static func lastDimForward<T: KernelFloat>(_ input: [T], _ output: inout [T], _ split: AxisSplit, logarithmic: Bool) {
        let count = split.axis
        for base in stride(from: 0, to: split.outer * count, by: count) {
            let largest = rowMaximum(count: count) { input[base + $0] }
            for position in 0..<count {
                output[base + position] = T.vectorExponential(input[base + position] - largest)
            }
            let total = laneSum(count: count) { output[base + $0] }
            if logarithmic {
                let logTotal = T.vectorLogarithm(total)
                for position in 0..<count { output[base + position] = (input[base + position] - largest) - logTotal }
            } else {
                let reciprocal = 1 / total
                for position in 0..<count { output[base + position] *= reciprocal }
            }
        }
    }

    /// `_vec_softmax` over a non-last dim: the `outer × inner` columns are split
    /// between PyTorch's threads; within a thread's range, runs of one vector of
    /// columns use the vectorised exp and the rest the C library's, and each
    /// column is divided by its sum.
    private static func softmaxInnerForward<T: KernelFloat>(_ input: [T], _ output: inout [T], _ split: AxisSplit) {
        let step = T.softmaxLanes, inner = split.inner, count = split.axis
        let columns = split.outer * inner
        // parallel_for with grain 1: one range per thread, ceil(columns / threads) long.
        let threads = min(TorchThreads.count, columns)
        let chunkLength = (columns + threads - 1) / max(threads, 1)
        for range in stride(from: 0, to: columns, by: max(chunkLength, 1)).map({ $0..<min(columns, $0 + chunkLength) }) {
            var column = range.lowerBound
            while column < range.upperBound {
                let innerIndex = column % inner
                let vectorised = innerIndex + step <= inner && column + step <= range.upperBound
                let width = vectorised ? step : 1
                for lane in column..<(column + width) {
                    let base = (lane / inner) * count * inner + lane % inner
                    let largest = rowMaximum(count: count) { input[base + $0 * inner] }
                    var total: T = 0
                    for position in 0..<count {
                        let x = input[base + position * inner] - largest
                        let e = vectorised ? T.vectorExponential(x) : T.exponential(x)
                        output[base + position * inner] = e
                        total += e
                    }
                    for position in 0..<count { output[base + position * inner] /= total }
                }
                column += width
            }
        }
    }

    /// `_vec_log_softmax` over a non-last dim: columns in chunks whose whole vectors use
    /// the vectorised exp (the leftover columns the C library's); the log of every
    /// column sum is vectorised.
    private static func logSoftmaxInnerForward<T: KernelFloat>(_ input: [T], _ output: inout [T], _ split: AxisSplit) {
        let inner = split.inner, count = split.axis
        for outer in 0..<split.outer {
            for column in 0..<inner {
                let base = outer * count * inner + column
                let vectorised = isVectorColumn(column, inner: inner, count: count, as: T.self)
                let largest = rowMaximum(count: count) { input[base + $0 * inner] }
                var total: T = 0
                for position in 0..<count {
                    let x = input[base + position * inner] - largest
                    total += vectorised ? T.vectorExponential(x) : T.exponential(x)
                }
                let logTotal = T.vectorLogarithm(total)
                for position in 0..<count {
                    output[base + position * inner] = (input[base + position * inner] - largest) - logTotal
                }
            }
        }
    }

    /// Whether PyTorch's chunked non-last-dim kernels (`_vec_log_softmax`,
    /// `_vec_softmax_backward`) treat this column in a whole vector: columns are
    /// processed in chunks of at most 128 KiB / (dim size · element size),
    /// a multiple of the vector width, and each chunk's leftover columns are scalar.
    static func isVectorColumn<T: KernelFloat>(_ column: Int, inner: Int, count: Int, as _: T.Type = T.self) -> Bool {
        let lanes = T.softmaxLanes
        let maxChunk = max(128 * 1024 / max(count, 1) / MemoryLayout<T>.stride, lanes) / lanes * lanes
        let chunk = min(maxChunk, inner)
        let first = column / chunk * chunk
        let size = min(chunk, inner - first)
        return column - first < size - size % lanes
    }

    /// The largest of a line; NaN propagates, as PyTorch's vectorised maximum does.
    @inline(__always)
    private static func rowMaximum<T: KernelFloat>(count: Int, _ value: (Int) -> T) -> T {
        var largest = value(0)
        for position in 1..<max(count, 1) {
            let v = value(position)
            if v != v || v > largest { largest = v }
            if largest != largest { break }
        }
        return largest
    }

    /// Calls `body(firstIndex, stride)` for every line along the axis.
    private static func forEachLine(_ split: AxisSplit, _ body: (Int, Int) -> Void) {
        guard split.axis > 0 else { return }
        for block in 0..<split.outer {
            for column in 0..<split.inner {
                body(block * split.axis * split.inner + column, split.inner)
            }
        }
    }

    /// PyTorch's `vec::reduce_all` sum of a contiguous line: lanes accumulate whole
    /// vectors (the tail only in its first lanes), then the lanes are added.
    @inline(__always)
    static func laneSum<T: KernelFloat>(count: Int, _ term: (Int) -> T) -> T {
        laneSum(count: count, start: term, accumulate: { $0 + term($1) }, accumulateTail: { $0 + term($1) })
    }

    /// `vec::map2_reduce_all` of products. PyTorch's compiled code rounds each
    /// product before adding it, except that for a single row (outer size 1) the
    /// partial last vector's product and sum become one multiply-add (both
    /// measured against PyTorch 2.15).
    @inline(__always)
    static func laneSum<T: KernelFloat>(count: Int, products pair: (Int) -> (T, T), fusedTail: Bool) -> T {
        laneSum(
            count: count,
            start: { let (a, b) = pair($0); return a * b },
            accumulate: { let (a, b) = pair($1); return $0 + a * b },
            accumulateTail: { let (a, b) = pair($1); return fusedTail ? $0.addingProduct(a, b) : $0 + a * b })
    }

    /// Lines shorter than the vector are summed lane after lane from the first term.
    @inline(__always)
    private static func laneSum<T: KernelFloat>(
        count: Int, start: (Int) -> T, accumulate: (T, Int) -> T, accumulateTail: (T, Int) -> T
    ) -> T {
        let lanes = T.softmaxLanes
        guard count >= lanes else {
            guard count > 0 else { return 0 }
            var total = start(0)
            for index in 1..<count { total += start(index) }
            return total
        }
        return withUnsafeTemporaryAllocation(of: T.self, capacity: lanes) { lane in
            for index in 0..<lanes { lane[index] = start(index) }
            var next = lanes
            while next + lanes <= count {
                for index in 0..<lanes { lane[index] = accumulate(lane[index], next + index) }
                next += lanes
            }
            for index in 0..<(count - next) { lane[index] = accumulateTail(lane[index], next + index) }
            guard T.softmaxLanesAddAsTree else {
                var total = lane[0]
                for index in 1..<lanes { total += lane[index] }
                return total
            }
            // Halves folded onto each other: lane i takes lane i ^ width.
            var width = lanes / 2
            while width >= 1 {
                for index in 0..<lanes where index & width == 0 {
                    let sum = lane[index] + lane[index ^ width]
                    lane[index] = sum
                    lane[index ^ width] = sum
                }
                width /= 2
            }
            return lane[0]
        }
    }

    /// A running sum in index order, from 0.
    @inline(__always)
    static func sequentialSum<T: KernelFloat>(count: Int, _ term: (Int) -> T) -> T {
        var total: T = 0
        for index in 0..<count { total += term(index) }
        return total
    }

    /// A running sum of products in index order, each step one multiply-add.
    @inline(__always)
    static func sequentialSum<T: KernelFloat>(count: Int, fusedProducts pair: (Int) -> (T, T)) -> T {
        var total: T = 0
        for index in 0..<count {
            let (a, b) = pair(index)
            total = total.addingProduct(a, b)
        }
        return total
    }
}
