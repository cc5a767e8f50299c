/// PyTorch's `RowwiseMoments` (`moments_utils.h`): the mean and population
/// variance of one contiguous row, as its layer-norm kernel computes them.
///
/// The row is read as AVX2 vectors (8 float / 4 double lanes). Each chunk of
/// up to 16 vectors runs Welford's update lane by lane; chunk results are
/// merged pairwise through a stack (a cascade, like a binary counter); the
/// elements after the last whole vector run a scalar Welford; then the lanes
/// are merged into that scalar one by one. Where the compiled kernel fuses a
/// multiply-add was found against real PyTorch bits (about 23,000 float32
/// rows: every length up to 300, many up to 40,000, three value ranges;
/// float64 rows of ten lengths up to 5,000):
/// - Welford update: `m1 = fma(δ, 1/(j+1), m1)`, `m2 = fma(δ, x − m1, m2)`;
///   the scalar tail divides and does not fuse.
/// - Vector merge: `δc = δ·c`, `m1 = m1 + δc`, `m2 = fma(δc, δ·m0, m2 + m2ₐ)`
///   (`fma(δ, δc·m0, …)` agrees on all but about one row in 20,000).
/// - Lane merge: `m1 = fma(c, δ, m1)`, `m2 = m2 + fma(δ·δ·c, m0, m2ₐ)`.
enum RowwiseMoments {
    static let chunkVectors = 16

    /// `(mean, Σ(x − mean)² / count)` of `row`; `slots` (made for this row
    /// length) is reused from row to row.
    static func meanAndVariance<T: KernelFloat>(_ row: UnsafeBufferPointer<T>, _ slots: inout LaneMoments<T>) -> (mean: T, variance: T) {
        let lanes = slots.lanes
        let vectors = row.count / lanes
        let chunks = (vectors + chunkVectors - 1) / chunkVectors
        // Slots 0..<depth are the stack (slot k merges 2^k chunks); slot `depth` is the chunk being read.
        let depth = slots.count.count - 1
        for slot in 0...depth { slots.clear(slot) }
        for chunk in 0..<chunks {
            let first = chunk * chunkVectors
            let count = min(chunkVectors, vectors - first)
            slots.clear(depth)
            for j in 0..<count {
                let reciprocal = 1 / T(j + 1)
                let base = (first + j) * lanes
                let slot = depth * lanes
                for k in 0..<lanes {
                    let x = row[base + k]
                    let delta = x - slots.mean[slot + k]
                    slots.mean[slot + k] = slots.mean[slot + k].addingProduct(delta, reciprocal)
                    slots.m2[slot + k] = slots.m2[slot + k].addingProduct(delta, x - slots.mean[slot + k])
                }
            }
            slots.count[depth] = count
            slots.merge(depth, into: 0)
            var mask = chunk + 1
            var level = 1
            while level < depth && mask & 1 == 0 {
                slots.merge(level - 1, into: level)
                slots.clear(level - 1)
                mask >>= 1
                level += 1
            }
        }
        for level in 1..<depth { slots.merge(level, into: 0) }
        var count = 0
        var mean: T = 0, m2: T = 0
        for i in (vectors * lanes)..<row.count {
            let x = row[i]
            let delta = x - mean
            count += 1
            mean += delta / T(count)
            m2 += delta * (x - mean)
        }
        for k in 0..<lanes {
            let total = count + vectors
            let c: T = total == 0 ? 0 : T(vectors) / T(total)
            let delta = slots.mean[k] - mean
            mean = mean.addingProduct(c, delta)
            m2 += slots.m2[k].addingProduct(delta * delta * c, T(count))
            count = total
        }
        return (mean, m2 / T(row.count))
    }

    /// Per-lane Welford states (count, mean, M2) in numbered slots: the
    /// cascade's stack for rows of one length, plus the chunk being read.
    struct LaneMoments<T: KernelFloat> {
        let lanes: Int
        fileprivate var count: [Int]
        fileprivate var mean: [T]
        fileprivate var m2: [T]

        init(rowLength: Int) {
            lanes = T.SumVector.scalarCount
            let chunks = (rowLength / lanes + chunkVectors - 1) / chunkVectors
            let slots = ceilLog2(chunks) + 1
            count = [Int](repeating: 0, count: slots)
            mean = [T](repeating: 0, count: slots * lanes)
            m2 = [T](repeating: 0, count: slots * lanes)
        }

        mutating func clear(_ slot: Int) {
            count[slot] = 0
            for k in slot * lanes..<(slot + 1) * lanes { mean[k] = 0; m2[k] = 0 }
        }

        /// `AddMomentsVec`: folds slot `source` into slot `target`.
        mutating func merge(_ source: Int, into target: Int) {
            let existing = count[target]
            let total = existing + count[source]
            let c: T = total == 0 ? 0 : T(count[source]) / T(total)
            for k in 0..<lanes {
                let s = source * lanes + k, t = target * lanes + k
                let delta = mean[s] - mean[t]
                let deltaC = delta * c
                mean[t] += deltaC
                m2[t] = (m2[t] + m2[s]).addingProduct(deltaC, delta * T(existing))
            }
            count[target] = total
        }
    }

    /// `utils::CeilLog2`, which is 1 (not 0) for 0, 1 and 2.
    static func ceilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }
}
