/// float32 matrix products summed in the order PyTorch's MKL `sgemm` sums them,
/// for the small shapes where that order was measured (Benchmarks/README.md,
/// "Matrix products"). OpenBLAS and MKL round differently, so a training loop
/// on OpenBLAS drifts from PyTorch in the last bits; for these shapes Litgrad
/// reproduces MKL exactly instead. Measured regimes, with `op(A)` m×k and
/// `op(B)` k×n as PyTorch hands them over (A and B row-major or transposed views):
/// - n ≥ 12 and m a multiple of 4 or ≥ 12: each element a running fused
///   multiply-add over k (other m: the rows past the last group of four are
///   unfused running sums, for B row-major and n a multiple of 4).
/// - n in 2…4 or 8 with B row-major (or m ≤ 3 and n a multiple of 4): a running
///   sum over k of rounded products.
/// - n in 2…11 with B transposed (`x @ w.t()`): dot products along k; columns
///   in groups of four use 4 lanes, the remaining columns 8 lanes; lanes are
///   added as a tree of halves and any leftover terms after, one at a time.
/// - n = 1 with B transposed (a matrix times `w.t()` of one row), k a multiple
///   of 4: see `vectorDot`. m = 1 (B row-major, k ≥ 16, n ≥ 3): unfused sums.
/// Other shapes (and k above 128) return false: the caller uses OpenBLAS.
public enum MKLOrderGEMM {
    /// On by default; off sends every product to OpenBLAS (to measure the difference).
    nonisolated(unsafe) public static var isEnabled = true

    enum Method: Equatable {
        case fused
        case unfused
        case lanes(Int)
        /// Matrix × vector: the first four products added in order, then 4 lanes
        /// (lane 0 starting from that sum), added as a tree of halves.
        case vector
    }

    /// One block of C and how its elements are summed.
    struct Block {
        let rows: Range<Int>
        let columns: Range<Int>
        let method: Method
    }

    /// The blocks of C and how each is summed, or nil when the order is not known.
    static func plan(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) -> [Block]? {
        guard m >= 1, n >= 1, k >= 1, k <= 128, !(transposeA && transposeB) else { return nil }
        let all = 0..<m
        if n == 1 {
            guard m >= 2, transposeB, !transposeA, k % 4 == 0 else { return nil }
            return [Block(rows: all, columns: 0..<1, method: .vector)]
        }
        if m == 1 {
            guard !transposeB, k >= 16, n >= 3 else { return nil }
            return [Block(rows: all, columns: 0..<n, method: .unfused)]
        }
        if m <= 3 {
            // Two or three rows: running unfused sums (B row-major), 4-lane dots (B transposed).
            guard n <= 4 || n % 4 == 0 else { return nil }
            if !transposeB { return [Block(rows: all, columns: 0..<n, method: .unfused)] }
            guard !transposeA, n >= 4, k % 4 == 0 || k < 4 else { return nil }
            return [Block(rows: all, columns: 0..<n, method: .lanes(4))]
        }
        if n >= 12 {
            if m % 4 == 0 || m >= 12 { return [Block(rows: all, columns: 0..<n, method: .fused)] }
            // Rows beyond the last group of four: unfused sums (except for small k and n).
            if k <= 16 && n <= 16 { return [Block(rows: all, columns: 0..<n, method: .fused)] }
            guard !transposeB, n % 4 == 0, n >= 20 || k >= 64 else { return nil }
            let grouped = m / 4 * 4
            return [Block(rows: 0..<grouped, columns: 0..<n, method: .fused),
                    Block(rows: grouped..<m, columns: 0..<n, method: .unfused)]
        }
        if !transposeB {
            guard n <= 4 || n == 8 else { return nil }
            return [Block(rows: all, columns: 0..<n, method: .unfused)]
        }
        guard !transposeA else { return nil }
        let grouped = n / 4 * 4
        func lanesFit(_ lanes: Int) -> Bool { k % lanes == 0 || k < 4 }
        var blocks: [Block] = []
        if grouped > 0 {
            guard lanesFit(4) else { return nil }
            blocks.append(Block(rows: all, columns: 0..<grouped, method: .lanes(4)))
        }
        if grouped < n {
            guard lanesFit(8) else { return nil }
            blocks.append(Block(rows: all, columns: grouped..<n, method: .lanes(8)))
        }
        return blocks
    }

    /// C (m×n, row-major, leading dimension ldc) = op(A) · op(B) in MKL's order, or
    /// false (C untouched) when the shape is not one whose order is known.
    static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) -> Bool {
        guard isEnabled, let blocks = plan(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB) else { return false }
        @inline(__always) func left(_ i: Int, _ p: Int) -> Float { transposeA ? a[p * lda + i] : a[i * lda + p] }
        for block in blocks {
            switch block.method {
            case .fused, .unfused:
                let fused = block.method == .fused
                // Row-major B rows: C[i, :] accumulates A[i, p] · B[p, :] for p in order.
                withRowMajorRight(b, ldb: ldb, transposed: transposeB, k: k, n: n) { rows, stride in
                    for i in block.rows {
                        let out = c + i * ldc
                        for j in block.columns { out[j] = 0 }
                        for p in 0..<k {
                            let scale = left(i, p)
                            let row = rows + p * stride
                            if fused {
                                for j in block.columns { out[j] = out[j].addingProduct(scale, row[j]) }
                            } else {
                                for j in block.columns { out[j] = out[j] + scale * row[j] }
                            }
                        }
                    }
                }
            case .vector:
                for i in block.rows { c[i * ldc] = vectorDot(a + i * lda, b, count: k) }
            case .lanes(let width):
                // B transposed: B[p, j] = b[j * ldb + p], contiguous along p like A's rows.
                for i in block.rows {
                    let row = a + i * lda
                    for j in block.columns {
                        c[i * ldc + j] = laneDot(row, b + j * ldb, count: k, lanes: width)
                    }
                }
            }
        }
        return true
    }

    /// Runs `body` with B as row-major rows (B itself, or a transposed copy).
    private static func withRowMajorRight(
        _ b: UnsafePointer<Float>, ldb: Int, transposed: Bool, k: Int, n: Int,
        _ body: (UnsafePointer<Float>, Int) -> Void
    ) {
        guard transposed else { return body(b, ldb) }
        withUnsafeTemporaryAllocation(of: Float.self, capacity: k * n) { copy in
            for p in 0..<k { for j in 0..<n { copy[p * n + j] = b[j * ldb + p] } }
            body(UnsafePointer(copy.baseAddress!), n)
        }
    }

    /// The matrix × vector order (`.vector`), for k a multiple of 4.
    @inline(__always)
    static func vectorDot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int) -> Float {
        var l0: Float = 0
        for p in 0..<4 { l0 = l0 + x[p] * y[p] }
        var l1: Float = 0, l2: Float = 0, l3: Float = 0
        var p = 4
        while p < count {
            l0 = l0 + x[p] * y[p]
            l1 = l1 + x[p + 1] * y[p + 1]
            l2 = l2 + x[p + 2] * y[p + 2]
            l3 = l3 + x[p + 3] * y[p + 3]
            p += 4
        }
        return (l0 + l2) + (l1 + l3)
    }

    /// Σ x[p]·y[p]: `lanes` running sums of rounded products over whole vectors,
    /// added as a tree of halves, then the leftover terms one at a time.
    @inline(__always)
    static func laneDot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count: Int, lanes: Int) -> Float {
        let whole = count / lanes * lanes
        guard whole > 0 else {
            var total: Float = 0
            for p in 0..<count { total = total + x[p] * y[p] }
            return total
        }
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: lanes) { lane in
            for l in 0..<lanes { lane[l] = x[l] * y[l] }
            var p = lanes
            while p < whole {
                for l in 0..<lanes { lane[l] = lane[l] + x[p + l] * y[p + l] }
                p += lanes
            }
            var width = lanes / 2
            while width >= 1 {
                for l in 0..<width { lane[l] = lane[l] + lane[l + width] }
                width /= 2
            }
            var total = lane[0]
            for q in whole..<count { total = total + x[q] * y[q] }
            return total
        }
    }
}
