/// PyTorch's CPU batch-norm kernels (`batch_norm_kernel.cpp` and the statistics
/// update in `Normalization.cpp`), whose rounding steps fix the last bits:
///
/// - Statistics: an input whose channels are its last dim (`(N, C)`, image size
///   1) is reduced "channels last": each thread adds its rows in T, the thread
///   partials are added in double. Larger images are reduced per channel in
///   double. The variance sum's `acc + d·d` is one fused step (the kernel is
///   built with FMA contraction), the double accumulation is not.
/// - Output: `y = x·α + β` with `α = invstd·w`, `β = b − mean·α`, both fused.
/// - Backward: the same two layouts for `Σ dy` and `Σ (x − mean)·dy` (the
///   per-channel kernel on AVX2 vectors, 8 float lanes), then
///   `dx = ((dy − Σdy/N) − (x − mean)·k)·invstd·w`, `k = dotp·invstd²/N`, whose
///   inner product is fused in the per-channel kernel only.
enum BatchNormKernels {
    /// `(batch, channels, image)`: the input viewed as `[batch][channels][image]`.
    struct Layout {
        let batch: Int
        let channels: Int
        let image: Int
        /// Values per channel.
        var perChannel: Int { batch * image }
        var channelsLast: Bool { image == 1 }
    }

    /// The rows `at::parallel_for(0, rows, 1)` gives each thread.
    static func threadRows(_ rows: Int) -> [Range<Int>] {
        let used = max(1, min(TorchThreads.count, rows))
        let chunk = (rows + used - 1) / used
        return stride(from: 0, to: rows, by: max(chunk, 1)).map { $0..<min(rows, $0 + chunk) }
    }

    /// Per-channel mean and sum of squared deviations.
    static func collectStats<T: KernelFloat>(_ x: [T], _ l: Layout) -> (mean: [T], varianceSum: [T]) {
        let c = l.channels, n = l.perChannel
        var mean = [T](repeating: 0, count: c)
        var varianceSum = [T](repeating: 0, count: c)
        if l.channelsLast && n > TorchThreads.count {
            let parts = threadRows(n)
            var sums = [Double](repeating: 0, count: c)
            for rows in parts {
                var partial = [T](repeating: 0, count: c)
                for i in rows { for ch in 0..<c { partial[ch] += x[i * c + ch] } }
                for ch in 0..<c { sums[ch] += Double(partial[ch]) }
            }
            for ch in 0..<c { mean[ch] = T(sums[ch] / Double(n)) }
            var squares = [Double](repeating: 0, count: c)
            for rows in parts {
                var partial = [T](repeating: 0, count: c)
                for i in rows {
                    for ch in 0..<c {
                        let d = x[i * c + ch] - mean[ch]
                        partial[ch] = partial[ch].addingProduct(d, d)
                    }
                }
                for ch in 0..<c { squares[ch] += Double(partial[ch]) }
            }
            for ch in 0..<c { varianceSum[ch] = T(squares[ch]) }
            return (mean, varianceSum)
        }
        for ch in 0..<c {
            var sum = 0.0
            forEachIndex(l, channel: ch) { sum += Double(x[$0]) }
            let m = T(sum / Double(n))
            mean[ch] = m
            var squares = 0.0
            forEachIndex(l, channel: ch) { i in
                let d = x[i] - m
                squares += Double(d * d)
            }
            varianceSum[ch] = T(squares)
        }
        return (mean, varianceSum)
    }

    /// Calls `body` with every flat index of channel `ch`, batch by batch.
    @inline(__always)
    static func forEachIndex(_ l: Layout, channel ch: Int, _ body: (Int) -> Void) {
        for b in 0..<l.batch {
            let base = (b * l.channels + ch) * l.image
            for i in base..<(base + l.image) { body(i) }
        }
    }

    /// `y = x·α(c) + β(c)`, fused.
    static func transform<T: KernelFloat>(_ x: [T], _ l: Layout, mean: [T], invstd: [T], weight: [T]?, bias: [T]?) -> [T] {
        var alpha = [T](repeating: 0, count: l.channels)
        var beta = [T](repeating: 0, count: l.channels)
        for ch in 0..<l.channels {
            alpha[ch] = invstd[ch] * (weight?[ch] ?? 1)
            beta[ch] = (bias?[ch] ?? 0).addingProduct(-mean[ch], alpha[ch])
        }
        var y = [T](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let ch = (i / l.image) % l.channels
            y[i] = beta[ch].addingProduct(x[i], alpha[ch])
        }
        return y
    }

    /// `Σ dy` and `Σ (x − mean)·dy` per channel, in the kernel's order. The
    /// channels-last kernel keeps them in T, the per-channel one in double.
    static func gradientSums<T: KernelFloat>(_ x: [T], _ dy: [T], _ l: Layout, mean: [T]) -> (sum: [Double], dot: [Double]) {
        let c = l.channels
        var sums = [Double](repeating: 0, count: c), dots = [Double](repeating: 0, count: c)
        if l.channelsLast {
            for rows in threadRows(l.perChannel) {
                var s = [T](repeating: 0, count: c), d = [T](repeating: 0, count: c)
                for i in rows {
                    for ch in 0..<c {
                        let g = dy[i * c + ch]
                        s[ch] += g
                        d[ch] = d[ch].addingProduct(x[i * c + ch] - mean[ch], g)
                    }
                }
                for ch in 0..<c { sums[ch] += Double(s[ch]); dots[ch] += Double(d[ch]) }
            }
            for ch in 0..<c { sums[ch] = Double(T(sums[ch])); dots[ch] = Double(T(dots[ch])) }
            return (sums, dots)
        }
        for ch in 0..<c {
            for b in 0..<l.batch {
                let base = (b * c + ch) * l.image
                sums[ch] += Double(laneSum(l.image) { dy[base + $0] })
                dots[ch] += Double(laneDot(l.image, x: { x[base + $0] - mean[ch] }, dy: { dy[base + $0] }))
            }
        }
        return (sums, dots)
    }

    /// `vec::reduce_all(+)` over `size` values with the AVX2 vector these
    /// kernels run on: sequential below one vector, otherwise lane-wise, then
    /// the lanes' horizontal reduction.
    static func laneSum<T: KernelFloat>(_ size: Int, _ value: (Int) -> T) -> T {
        let lanes = T.SumVector.scalarCount
        guard size >= lanes else { return sequential(size, value) }
        var acc = (0..<lanes).map(value)
        var d = lanes
        while d < size {
            for j in 0..<Swift.min(lanes, size - d) { acc[j] += value(d + j) }
            d += lanes
        }
        return horizontal(acc)
    }

    /// `vec::map2_reduce_all((x − mean)·dy, +)`: products added lane-wise,
    /// except that the partial last vector's products are fused into their sums.
    static func laneDot<T: KernelFloat>(_ size: Int, x: (Int) -> T, dy: (Int) -> T) -> T {
        let lanes = T.SumVector.scalarCount
        guard size >= lanes else { return sequential(size) { x($0) * dy($0) } }
        var acc = (0..<lanes).map { x($0) * dy($0) }
        var d = lanes
        while d + lanes <= size {
            for j in 0..<lanes { acc[j] += x(d + j) * dy(d + j) }
            d += lanes
        }
        for j in 0..<(size - d) { acc[j] = acc[j].addingProduct(x(d + j), dy(d + j)) }
        return horizontal(acc)
    }

    private static func sequential<T: KernelFloat>(_ size: Int, _ value: (Int) -> T) -> T {
        guard size > 0 else { return 0 }
        var acc = value(0)
        for i in 1..<size { acc += value(i) }
        return acc
    }

    /// `vec_reduce_all`: a tree of halves for float lanes, one after another for double.
    private static func horizontal<T: KernelFloat>(_ lanes: [T]) -> T {
        guard T.self == Float.self else { return sequential(lanes.count) { lanes[$0] } }
        var v = lanes
        var stride = v.count / 2
        while stride >= 1 {
            v = (0..<v.count).map { v[$0] + v[$0 ^ stride] }
            stride /= 2
        }
        return v[0]
    }

    /// The input, weight and bias gradients. Training: through the batch
    /// statistics; evaluation: `dy·invstd·w`.
    static func gradients<T: KernelFloat>(_ x: [T], _ dy: [T], _ l: Layout, mean: [T], invstd: [T], weight: [T]?,
                                          training: Bool) -> (input: [T], weight: [T], bias: [T]) {
        let (sum, dot) = gradientSums(x, dy, l, mean: mean)
        let n = l.perChannel, c = l.channels
        var k = [T](repeating: 0, count: c), gradMean = [T](repeating: 0, count: c)
        var gradWeight = [T](repeating: 0, count: c), gradBias = [T](repeating: 0, count: c)
        for ch in 0..<c {
            k[ch] = T(dot[ch]) * invstd[ch] * invstd[ch] / T(n)
            gradMean[ch] = l.channelsLast ? T(sum[ch]) / T(n) : T(sum[ch] / Double(n))
            gradWeight[ch] = l.channelsLast ? T(dot[ch]) * invstd[ch] : T(dot[ch] * Double(invstd[ch]))
            gradBias[ch] = T(sum[ch])
        }
        var dx = [T](repeating: 0, count: x.count)
        for i in 0..<x.count {
            let ch = (i / l.image) % c
            let w = weight?[ch] ?? 1
            if training && l.channelsLast {
                dx[i] = (dy[i] - gradMean[ch] - (x[i] - mean[ch]) * k[ch]) * invstd[ch] * w
            } else if training {
                dx[i] = (dy[i] - gradMean[ch]).addingProduct(-(x[i] - mean[ch]), k[ch]) * invstd[ch] * w
            } else {
                dx[i] = dy[i] * invstd[ch] * w
            }
        }
        return (dx, gradWeight, gradBias)
    }

    /// `batch_norm_backward_cpu_template`'s path for a gradient that is not
    /// contiguous (an expanded `sum()` gradient): `Σ dy` comes from a regular
    /// sum (`sum`), the dot product is accumulated in double, and nothing is fused.
    static func stridedGradients<T: KernelFloat>(_ x: [T], _ dy: [T], _ l: Layout, sum: [T], mean: [T], invstd: [T],
                                                 weight: [T]?, training: Bool) -> (input: [T], weight: [T], bias: [T]) {
        let n = l.perChannel, c = l.channels
        var dx = [T](repeating: 0, count: x.count)
        var gradWeight = [T](repeating: 0, count: c)
        for ch in 0..<c {
            var dot = 0.0
            forEachIndex(l, channel: ch) { dot += Double((x[$0] - mean[ch]) * dy[$0]) }
            let w = weight?[ch] ?? 1
            if training {
                let k = T(dot) * invstd[ch] * invstd[ch] / T(n)
                let gradMean = sum[ch] / T(n)
                forEachIndex(l, channel: ch) { i in
                    let projection = (x[i] - mean[ch]) * k
                    dx[i] = (dy[i] - gradMean - projection) * invstd[ch] * w
                }
            } else {
                forEachIndex(l, channel: ch) { dx[$0] = dy[$0] * invstd[ch] * w }
            }
            gradWeight[ch] = T(dot * Double(invstd[ch]))
        }
        return (dx, gradWeight, sum)
    }
}
