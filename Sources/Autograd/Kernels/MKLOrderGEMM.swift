/// float32 matrix products summed in the order PyTorch's MKL `sgemm` sums them,
/// for the small shapes where that order was measured (Benchmarks/README.md,
/// "Matrix products"). OpenBLAS and MKL round differently, so a training loop
/// on OpenBLAS drifts from PyTorch in the last bits; for these shapes Litgrad
/// reproduces MKL exactly instead. Measured regimes, with `op(A)` m×k and
/// `op(B)` k×n as PyTorch hands them over (A and B row-major or transposed views):
/// - n ≥ 12 and m a multiple of 4 or ≥ 12: each element a running fused
///   multiply-add over k (other m: the rows past the last group of four are
///   unfused running sums, for B row-major and n a multiple of 4).
/// - n in 2…4 or 8 with B row-major (or m ≤ 3 and n a multiple of 4), and n in
///   5…11 with B row-major and k ≤ 7: a running sum over k of rounded products.
/// - n in 2…11 with B transposed (`x @ w.t()`): dot products along k; columns
///   in groups of four use 4 lanes, the remaining columns 8 lanes; lanes are
///   added as a tree of halves and any leftover terms after, one at a time.
/// - n = 1 with B transposed (a matrix times `w.t()` of one row), k a multiple
///   of 4: see `vectorDot`. n = 1 and k ≤ 3 (B either way): running unfused sums. m = 1 (B row-major, k ≥ 16, n ≥ 3): unfused sums.
/// Other shapes (and k above 128, or more than `maxWork` multiply-adds) return
/// false: the caller uses OpenBLAS.
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

    /// Largest m·n·k reproduced: beyond it OpenBLAS is much faster (the compiler's
    /// baseline target has no FMA), and models that large drift from PyTorch anyway.
    static let maxWork = 1 << 18

    /// One block of C and how its elements are summed.
    struct Block {
        let rows: Range<Int>
        let columns: Range<Int>
        let method: Method
    }

    /// The blocks of C and how each is summed, or nil when the order is not known.
    static func plan(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) -> [Block]? {
        // One row of three (the weight gradient `g.t() @ x` of a one-output layer on
        // three features): running unfused sums, measured for k up to 2000.
        if m == 1, n == 3, k > 128, !transposeB, n * k <= maxWork {
            return [Block(rows: 0..<1, columns: 0..<n, method: .unfused)]
        }
        guard m >= 1, n >= 1, k >= 1, k <= 128, m * n * k <= maxWork, !(transposeA && transposeB) else { return nil }
        let all = 0..<m
        if n == 1 {
            // k ≤ 3 (a linear layer on a few features): running unfused sums, B in either layout.
            if k < 4, m >= 2, !transposeA { return [Block(rows: all, columns: 0..<1, method: .unfused)] }
            guard m >= 2, transposeB, !transposeA, k % 4 == 0 else { return nil }
            return [Block(rows: all, columns: 0..<1, method: .vector)]
        }
        // Five to eleven columns of a row-major B over at most seven terms (a layer of
        // a few units on a few features): running unfused sums, for every m and A layout.
        if (5...11).contains(n), n != 8, k <= 7, !transposeB {
            return [Block(rows: all, columns: 0..<n, method: .unfused)]
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

    /// Whether `multiply` reproduces MKL's order for this shape and layout.
    static func handles(m: Int, n: Int, k: Int, transposeA: Bool, transposeB: Bool) -> Bool {
        isEnabled && plan(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB) != nil
    }

    /// C (m×n, row-major, leading dimension ldc) = op(A) · op(B) in MKL's order, or
    /// false (C untouched) when the shape is not one whose order is known.
    /// With `accumulating` (addmm: C holds the addend), C += op(A) · op(B) as MKL
    /// does it with beta = 1: running unfused sums over a row-major B start from
    /// C's value, every other method adds C to the finished product (measured
    /// against PyTorch 2.15).
    static func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transposeA: Bool,
        b: UnsafePointer<Float>, ldb: Int, transposeB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulating: Bool = false
    ) -> Bool {
        guard isEnabled, let blocks = plan(m: m, n: n, k: k, transposeA: transposeA, transposeB: transposeB) else { return false }
        @inline(__always) func left(_ i: Int, _ p: Int) -> Float { transposeA ? a[p * lda + i] : a[i * lda + p] }
        for block in blocks {
            switch block.method {
            case .fused, .unfused:
                let fused = block.method == .fused
                let startsFromC = !fused && !transposeB
                // Each element of C is its own running sum over p, so the sums can
                // run in registers (eight columns at a time) in exactly MKL's order.
                withRowMajorRight(b, ldb: ldb, transposed: transposeB, k: k, n: n) { rows, stride in
                    for i in block.rows {
                        runningSums(row: c + i * ldc, columns: block.columns, k: k, fused: fused,
                                    startFromC: accumulating && startsFromC, addC: accumulating && !startsFromC,
                                    scale: { left(i, $0) }, right: rows, stride: stride)
                    }
                }
            case .vector:
                for i in block.rows {
                    let dot = vectorDot(a + i * lda, b, count: k)
                    c[i * ldc] = accumulating ? dot + c[i * ldc] : dot
                }
            case .lanes(let width):
                // B transposed: B[p, j] = b[j * ldb + p], contiguous along p like A's rows.
                for i in block.rows {
                    let row = a + i * lda
                    for j in block.columns {
                        let dot = laneDot(row, b + j * ldb, count: k, lanes: width)
                        c[i * ldc + j] = accumulating ? dot + c[i * ldc + j] : dot
                    }
                }
            }
        }
        return true
    }

    /// out[j] = Σ_p scale(p) · right[p, j] for j in `columns`, each term added to
    /// a running sum in p order, fused (one rounding) or rounded twice; the sum
    /// starts from out[j] (`startFromC`) or from 0, and `addC` adds out[j] after.
    @inline(__always)
    private static func runningSums(row out: UnsafeMutablePointer<Float>, columns: Range<Int>, k: Int, fused: Bool,
                                    startFromC: Bool, addC: Bool, scale: (Int) -> Float,
                                    right: UnsafePointer<Float>, stride: Int) {
        let rawRight = UnsafeRawPointer(right), rawOut = UnsafeMutableRawPointer(out)
        var j = columns.lowerBound
        while j + 8 <= columns.upperBound {
            var total = startFromC ? rawOut.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) : SIMD8<Float>()
            for p in 0..<k {
                let r = rawRight.loadUnaligned(fromByteOffset: (p * stride + j) * 4, as: SIMD8<Float>.self)
                let s = scale(p)
                total = fused ? FusedMultiplyAdd.fused(r, scale: s, plus: total) : total + SIMD8(repeating: s) * r
            }
            if addC { total = total + rawOut.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self) }
            rawOut.storeBytes(of: total, toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        while j < columns.upperBound {
            var total: Float = startFromC ? out[j] : 0
            for p in 0..<k {
                let r = right[p * stride + j], s = scale(p)
                total = fused ? FusedMultiplyAdd.fused(r, s, total) : total + s * r
            }
            out[j] = addC ? total + out[j] : total
            j += 1
        }
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
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var total: Float
        if lanes == 8 {
            var acc = rx.loadUnaligned(as: SIMD8<Float>.self) * ry.loadUnaligned(as: SIMD8<Float>.self)
            var p = 8
            while p < whole {
                acc = acc + rx.loadUnaligned(fromByteOffset: p * 4, as: SIMD8<Float>.self)
                    * ry.loadUnaligned(fromByteOffset: p * 4, as: SIMD8<Float>.self)
                p += 8
            }
            let half = acc.lowHalf + acc.highHalf
            let quarter = half.lowHalf + half.highHalf
            total = quarter[0] + quarter[1]
        } else {
            var acc = rx.loadUnaligned(as: SIMD4<Float>.self) * ry.loadUnaligned(as: SIMD4<Float>.self)
            var p = 4
            while p < whole {
                acc = acc + rx.loadUnaligned(fromByteOffset: p * 4, as: SIMD4<Float>.self)
                    * ry.loadUnaligned(fromByteOffset: p * 4, as: SIMD4<Float>.self)
                p += 4
            }
            let half = acc.lowHalf + acc.highHalf
            total = half[0] + half[1]
        }
        for q in whole..<count { total = total + x[q] * y[q] }
        return total
    }
}
