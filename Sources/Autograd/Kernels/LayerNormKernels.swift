/// PyTorch's CPU layer-norm kernels (`layer_norm_kernel.cpp`, the AVX2 build
/// that AVX-512 machines also run), over `rows` rows of `columns` contiguous
/// values. Rounding steps found against real PyTorch bits:
///
/// - Forward: mean and variance from `RowwiseMoments`, `rstd = 1/√(var + eps)`
///   in T, then `y = fma((x − mean)·rstd, w, b)` (b = 0 when absent), or
///   without a weight `y = fma(x − mean, rstd, b)`.
/// - Backward, per row: `ds = Σ dy·x·w` and `db = Σ dy·w` in `reduce_all`'s
///   AVX2 order, `b = fma(db, mean, −ds)·rstd³/N`,
///   `c = fma(−b, mean, −db·rstd/N)`, `dx = fma(b, x, rstd·dy·w) + c`.
///   `dw` and `db` are summed per thread (`dw += dy·fma(rstd, x, −rstd·mean)`,
///   fused) over the rows `parallel_for` gives it, then the threads' partials
///   are added in thread order.
enum LayerNormKernels {
    struct Statistics<T> {
        var mean: [T]
        var rstd: [T]
    }

    static func forward<T: KernelFloat>(_ x: [T], rows: Int, columns: Int, weight: [T]?, bias: [T]?,
                                        eps: T) -> (output: [T], statistics: Statistics<T>) {
        var y = [T](repeating: 0, count: x.count)
        var stats = Statistics(mean: [T](repeating: 0, count: rows), rstd: [T](repeating: 0, count: rows))
        var slots = RowwiseMoments.LaneMoments<T>(rowLength: columns)
        x.withUnsafeBufferPointer { xs in
            for r in 0..<rows {
                let base = r * columns
                let (mean, variance) = RowwiseMoments.meanAndVariance(UnsafeBufferPointer(rebasing: xs[base..<base + columns]), &slots)
                let rstd = 1 / (variance + eps).squareRoot()
                stats.mean[r] = mean
                stats.rstd[r] = rstd
                for j in 0..<columns {
                    let centered = xs[base + j] - mean
                    if let weight {
                        y[base + j] = (bias?[j] ?? 0).addingProduct(centered * rstd, weight[j])
                    } else {
                        // Without a weight the compiler drops the ·1 and fuses rstd into the bias's add.
                        y[base + j] = (bias?[j] ?? 0).addingProduct(centered, rstd)
                    }
                }
            }
        }
        return (y, stats)
    }

    /// The gradients PyTorch's output mask asks for (nil where not wanted).
    static func backward<T: KernelFloat>(_ dy: [T], _ x: [T], rows: Int, columns: Int, statistics: Statistics<T>,
                                         weight: [T]?, wantInput: Bool, wantWeight: Bool, wantBias: Bool)
        -> (input: [T]?, weight: [T]?, bias: [T]?) {
        let threads = TorchThreads.count
        var weightPartials = wantWeight ? [T](repeating: 0, count: threads * columns) : []
        var biasPartials = wantBias ? [T](repeating: 0, count: threads * columns) : []
        var dx = wantInput ? [T](repeating: 0, count: x.count) : []
        let scale = 1 / T(columns)
        for (thread, rowRange) in BatchNormKernels.threadRows(rows).enumerated() {
            let partial = thread * columns
            for r in rowRange {
                let base = r * columns
                let a = statistics.rstd[r], mean = statistics.mean[r]
                if wantWeight {
                    let shift = -a * mean
                    for j in 0..<columns {
                        let normalized = shift.addingProduct(a, x[base + j])
                        weightPartials[partial + j] = weightPartials[partial + j].addingProduct(dy[base + j], normalized)
                    }
                }
                if wantBias {
                    for j in 0..<columns { biasPartials[partial + j] += dy[base + j] }
                }
                guard wantInput else { continue }
                // `map3_reduce_all` / `map2_reduce_all` / `reduce_all`, shared with batch norm.
                let ds: T, db: T
                if let weight {
                    ds = BatchNormKernels.laneDot(columns, x: { dy[base + $0] * x[base + $0] }, dy: { weight[$0] })
                    db = BatchNormKernels.laneDot(columns, x: { dy[base + $0] }, dy: { weight[$0] })
                } else {
                    ds = BatchNormKernels.laneDot(columns, x: { dy[base + $0] }, dy: { x[base + $0] })
                    db = BatchNormKernels.laneSum(columns) { dy[base + $0] }
                }
                let b = (-ds).addingProduct(db, mean) * a * a * a * scale
                let c = (-(db * a * scale)).addingProduct(-b, mean)
                for j in 0..<columns {
                    let direct = weight.map { a * dy[base + j] * $0[j] } ?? a * dy[base + j]
                    dx[base + j] = direct.addingProduct(b, x[base + j]) + c
                }
            }
        }
        func total(_ partials: [T]) -> [T] {
            (0..<columns).map { j in
                var sum: T = 0
                for thread in 0..<threads { sum += partials[thread * columns + j] }
                return sum
            }
        }
        return (wantInput ? dx : nil, wantWeight ? total(weightPartials) : nil, wantBias ? total(biasPartials) : nil)
    }
}
