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
                ? laneSum(count: count, fusedProducts: { (gradOutput[base + $0], output[base + $0]) })
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
            for position in 0..<count {
                let index = base + position * stride
                // Compiled as one fused multiply-subtract in PyTorch.
                gradInput[index] = gradOutput[index].addingProduct(-T.exponential(output[index]), total)
            }
        }
        return gradInput
    }

    private static func forward<T: KernelFloat>(_ input: [T], _ split: AxisSplit, logarithmic: Bool) -> [T] {
        var output = [T](repeating: 0, count: input.count)
        forEachLine(split) { base, stride in
            let count = split.axis
            var largest = input[base]
            for position in 1..<max(count, 1) {
                let value = input[base + position * stride]
                // NaN propagates, as PyTorch's vectorised maximum does.
                if value != value || value > largest { largest = value }
                if largest != largest { break }
            }
            for position in 0..<count {
                let index = base + position * stride
                output[index] = T.exponential(input[index] - largest)
            }
            let total: T = split.inner == 1
                ? laneSum(count: count) { output[base + $0] }
                : sequentialSum(count: count) { output[base + $0 * stride] }
            if logarithmic {
                let logTotal = T.logarithm(total)
                for position in 0..<count {
                    let index = base + position * stride
                    output[index] = (input[index] - largest) - logTotal
                }
            } else if split.inner == 1 {
                let reciprocal = 1 / total
                for position in 0..<count { output[base + position] *= reciprocal }
            } else {
                for position in 0..<count { output[base + position * stride] /= total }
            }
        }
        return output
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
        laneSum(count: count, start: term, accumulate: { $0 + term($1) })
    }

    /// `vec::map2_reduce_all` of products: the compiler fuses each accumulation
    /// after the first vector into a multiply-add, so this does too.
    @inline(__always)
    static func laneSum<T: KernelFloat>(count: Int, fusedProducts pair: (Int) -> (T, T)) -> T {
        laneSum(
            count: count,
            start: { let (a, b) = pair($0); return a * b },
            accumulate: { let (a, b) = pair($1); return $0.addingProduct(a, b) })
    }

    /// Lines shorter than the vector are summed lane after lane from the first term.
    @inline(__always)
    private static func laneSum<T: KernelFloat>(
        count: Int, start: (Int) -> T, accumulate: (T, Int) -> T
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
            for index in 0..<(count - next) { lane[index] = accumulate(lane[index], next + index) }
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
