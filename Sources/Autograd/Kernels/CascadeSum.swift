/// PyTorch's floating-point sum order (`aten/src/ATen/native/cpu/SumKernel.cpp`, the
/// AVX2 build that the dispatcher uses even on AVX512 machines), reproduced so that
/// float32 sums and means are bit-identical to PyTorch's.
///
/// The building block sums rows in a cascade: terms are added into level 0 in runs
/// of 16 (more for very long rows), each run is folded into level 1, every 16th fold
/// of level 1 into level 2, and so on; at the end the levels are added together.
/// A row is first split into four interleaved partial sums (instruction-level
/// parallelism), and contiguous data is loaded as vectors whose lanes are added
/// at the very end.
enum CascadeSum {
    /// Four running sums of the same kind, one per row summed at once.
    struct Four<Term: CascadeTerm> {
        var s0 = Term.zero, s1 = Term.zero, s2 = Term.zero, s3 = Term.zero

        @inline(__always) mutating func fold(_ other: inout Four) {
            s0 = s0 + other.s0
            s1 = s1 + other.s1
            s2 = s2 + other.s2
            s3 = s3 + other.s3
            other = Four()
        }
    }

    static func ceilLog2(_ value: Int) -> Int {
        value <= 2 ? 1 : Int.bitWidth - (value - 1).leadingZeroBitCount
    }

    /// `multi_row_sum` with four rows: term `(i, k)` is row k's i-th term.
    @inline(__always)
    static func sumFourRows<Term: CascadeTerm>(count: Int, _ term: (Int, Int) -> Term) -> Four<Term> {
        let levelPower = max(4, ceilLog2(count) / 4)
        let levelStep = 1 << levelPower
        let levelMask = levelStep - 1
        var level0 = Four<Term>(), level1 = Four<Term>(), level2 = Four<Term>(), level3 = Four<Term>()
        var i = 0
        while i + levelStep <= count {
            for _ in 0..<levelStep {
                level0.s0 = level0.s0 + term(i, 0)
                level0.s1 = level0.s1 + term(i, 1)
                level0.s2 = level0.s2 + term(i, 2)
                level0.s3 = level0.s3 + term(i, 3)
                i += 1
            }
            level1.fold(&level0)
            if i & (levelMask << levelPower) != 0 { continue }
            level2.fold(&level1)
            if i & (levelMask << (2 * levelPower)) != 0 { continue }
            level3.fold(&level2)
        }
        while i < count {
            level0.s0 = level0.s0 + term(i, 0)
            level0.s1 = level0.s1 + term(i, 1)
            level0.s2 = level0.s2 + term(i, 2)
            level0.s3 = level0.s3 + term(i, 3)
            i += 1
        }
        level0.fold(&level1)
        level0.fold(&level2)
        level0.fold(&level3)
        return level0
    }

    /// `row_sum`: one row as four interleaved partial sums, the leftover terms added to
    /// the first, then the four added in order.
    @inline(__always)
    static func sumRow<Term: CascadeTerm>(count: Int, _ term: (Int) -> Term) -> Term {
        let quarter = count / 4
        var partial = sumFourRows(count: quarter) { i, k in term(i * 4 + k) }
        for i in (quarter * 4)..<count { partial.s0 = partial.s0 + term(i) }
        return ((partial.s0 + partial.s1) + partial.s2) + partial.s3
    }

    /// The sum of `count` contiguous elements as one PyTorch reduction row.
    static func sumContiguous<T: KernelFloat>(_ start: UnsafePointer<T>, count: Int) -> T {
        let lanes = T.SumVector.scalarCount
        guard count >= lanes else { return sumRow(count: count) { start[$0] } }
        let vectorCount = count / lanes
        let raw = UnsafeRawPointer(start)
        let stride = MemoryLayout<T>.stride * lanes
        let vectorSum: T.SumVector = sumRow(count: vectorCount) { i in
            raw.loadUnaligned(fromByteOffset: i * stride, as: T.SumVector.self)
        }
        var total: T = 0
        for index in (vectorCount * lanes)..<count { total += start[index] }
        for lane in 0..<lanes { total += vectorSum[lane] }
        return total
    }

    /// A whole-tensor sum, split into per-thread chunks like PyTorch's two-pass reduction.
    static func sumAll<T: KernelFloat>(_ start: UnsafePointer<T>, count: Int, threads: Int) -> T {
        // Below one grain the sum is serial: no chunk list to build.
        if threads <= 1 || count < TorchThreads.grainSize { return 0 + sumContiguous(start, count: count) }
        let chunks = TorchThreads.chunks(
            count: count, threads: threads, serialBelow: TorchThreads.grainSize)
        if chunks.count == 1 { return 0 + sumContiguous(start, count: count) }
        // One slot per thread, unused ones staying zero, reduced as a row of its own.
        var slots = [T](repeating: 0, count: threads)
        for (slot, chunk) in chunks.enumerated() {
            slots[slot] = 0 + sumContiguous(start + chunk.lowerBound, count: chunk.count)
        }
        return 0 + sumRow(count: threads) { slots[$0] }
    }

    /// Sums over the rows of an `axis × inner` block whose rows are contiguous
    /// (a reduction over an outer dimension), writing `inner` results.
    static func sumColumns<T: KernelFloat>(
        _ start: UnsafePointer<T>, axis: Int, inner: Int, into result: UnsafeMutablePointer<T>
    ) {
        sumColumns(start, axis: axis, rowStride: inner, columns: inner, columnStride: 1, into: result)
    }

    /// Column sums of an `axis × columns` block with the given strides: contiguous
    /// columns (at least a vector's worth) are summed a vector at a time, others
    /// four columns at a time in scalar code, and leftovers one by one.
    static func sumColumns<T: KernelFloat>(
        _ start: UnsafePointer<T>, axis: Int, rowStride: Int, columns: Int, columnStride: Int,
        into result: UnsafeMutablePointer<T>
    ) {
        let lanes = T.SumVector.scalarCount
        let raw = UnsafeRawPointer(start)
        let elementStride = MemoryLayout<T>.stride
        var column = 0
        @inline(__always) func vector(_ row: Int, _ firstColumn: Int) -> T.SumVector {
            raw.loadUnaligned(
                fromByteOffset: (row * rowStride + firstColumn) * elementStride, as: T.SumVector.self)
        }
        @inline(__always) func store(_ sum: T.SumVector, at firstColumn: Int) {
            for lane in 0..<lanes { result[firstColumn + lane] = 0 + sum[lane] }
        }
        if columnStride == 1 && columns >= lanes {
            while column + 4 * lanes <= columns {
                let first = column
                let sums: Four<T.SumVector> = sumFourRows(count: axis) { row, k in
                    vector(row, first + k * lanes)
                }
                store(sums.s0, at: first)
                store(sums.s1, at: first + lanes)
                store(sums.s2, at: first + 2 * lanes)
                store(sums.s3, at: first + 3 * lanes)
                column += 4 * lanes
            }
            while column + lanes <= columns {
                let first = column
                store(sumRow(count: axis) { row in vector(row, first) }, at: first)
                column += lanes
            }
        } else {
            while column + 3 < columns {
                let first = column
                let sums: Four<T> = sumFourRows(count: axis) { row, k in
                    start[row * rowStride + (first + k) * columnStride]
                }
                result[first] = 0 + sums.s0
                result[first + 1] = 0 + sums.s1
                result[first + 2] = 0 + sums.s2
                result[first + 3] = 0 + sums.s3
                column += 4
            }
        }
        while column < columns {
            let only = column
            result[only] = 0 + sumRow(count: axis) { row in start[row * rowStride + only * columnStride] }
            column += 1
        }
    }
}

/// A value PyTorch's cascade sum adds: a scalar, or a vector whose lanes add
/// independently. Public only because `KernelFloat` builds on it.
public protocol CascadeTerm {
    static var zero: Self { get }
    static func + (lhs: Self, rhs: Self) -> Self
}

extension Float: CascadeTerm {}
extension Double: CascadeTerm {}
extension SIMD8: CascadeTerm where Scalar == Float {}
extension SIMD4: CascadeTerm where Scalar == Double {}
