/// `var` and `std` with a correction (1 = unbiased, PyTorch's default; 0 = population).
/// PyTorch computes both in double whatever the tensor's dtype, so these do too.
public enum VarianceReductions {
    /// `t.var()` / `t.std()` of a whole tensor (`std_var_all_cpu`): the mean is the
    /// tensor's own (float32) mean, then Σ(x − mean)² is summed in double, split into
    /// per-thread chunks like PyTorch's `parallel_reduce`.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func all<T: KernelFloat>(_ values: [T], correction: Double, takeSqrt: Bool) -> T {
        let mean = Double(SumReductions.mean(values))
        let chunks = TorchThreads.chunks(
            count: values.count, threads: TorchThreads.count,
            serialBelow: TorchThreads.grainSize + 1)
        var squares = 0.0
        for chunk in chunks {
            var partial = 0.0
            for index in chunk {
                let deviation = Double(values[index]) - mean
                partial += deviation * deviation
            }
            squares += partial
        }
        return finish(squares / max(0, Double(values.count) - correction), takeSqrt: takeSqrt)
    }

    /// `t.var(dim)` / `t.std(dim)`: Welford's running mean and M2 in double along the axis.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func alongAxis<T: KernelFloat>(
        _ values: [T], _ split: AxisSplit, correction: Double, takeSqrt: Bool
    ) -> [T] {
        // A reduction to one value takes PyTorch's whole-tensor path.
        if split.resultCount == 1 { return [all(values, correction: correction, takeSqrt: takeSqrt)] }
        var result: [T] = []
        result.reserveCapacity(split.resultCount)
        for block in 0..<split.outer {
            for column in 0..<split.inner {
                let base = block * split.axis * split.inner + column
                var mean = 0.0
                var m2 = 0.0
                for position in 0..<split.axis {
                    let value = Double(values[base + position * split.inner])
                    let delta = value - mean
                    mean += delta / Double(position + 1)
                    m2 = m2 + delta * (value - mean)
                }
                let count = Double(split.axis)
                let divisor = count > correction ? count - correction : 0
                result.append(finish(m2 / divisor, takeSqrt: takeSqrt))
            }
        }
        return result
    }

    /// `t.var(dims)` / `t.std(dims)` over any set of dims: Welford over each result's
    /// elements in memory order, or the whole-tensor path when one value remains.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func alongDims<T: KernelFloat>(
        _ values: [T], _ layout: ReductionLayout, correction: Double, takeSqrt: Bool
    ) -> [T] {
        if let split = layout.singleAxis {
            return alongAxis(values, split, correction: correction, takeSqrt: takeSqrt)
        }
        if layout.resultCount == 1 {
            // A strided view reduced to one value: the whole-tensor path on its elements in memory order.
            var gathered: [T] = []
            layout.forEachResult { _, offsets in gathered = offsets.map { values[$0] } }
            return [all(gathered, correction: correction, takeSqrt: takeSqrt)]
        }
        var result = [T](repeating: 0, count: layout.resultCount)
        layout.forEachResult { slot, offsets in
            var mean = 0.0, m2 = 0.0
            for (position, offset) in offsets.enumerated() {
                let value = Double(values[offset])
                let delta = value - mean
                mean += delta / Double(position + 1)
                m2 = m2 + delta * (value - mean)
            }
            let count = Double(offsets.count)
            result[slot] = finish(m2 / (count > correction ? count - correction : 0), takeSqrt: takeSqrt)
        }
        return result
    }

    private static func finish<T: KernelFloat>(_ variance: Double, takeSqrt: Bool) -> T {
        takeSqrt ? T.squareRoot(of: variance) : T(variance)
    }
}
