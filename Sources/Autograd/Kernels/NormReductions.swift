/// `torch.linalg.vector_norm` with PyTorch's CPU arithmetic
/// (`ReduceOpsKernel.cpp`, `norm_kernel_tensor_iterator_impl`), bit-identical:
/// - p = 2 over contiguous lines (`is_reduce_lastdim`): squares are added into
///   the lanes of an AVX2 vector (a rounded product, then a rounded sum), the
///   lanes are added in order, and the leftover tail is added one square at a
///   time — fused multiply-adds, except that for float32 GCC's vectorised copy
///   of the tail loop adds the first four squares unfused.
/// - otherwise (`binary_kernel_reduce`): one running value per result, in memory
///   order, `acc + |x|^p` (p = 2: `acc + x·x`, unfused), then the p-th root.
/// The exponent is rounded to float32 first, as PyTorch stores it in a float.
public enum NormReductions {
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func norm<T: KernelFloat>(_ values: [T], _ layout: ReductionLayout, p: Double) -> [T] {
        let exponent = T(Float(p))
        if layout.reducedCount == 0 {
            return [T](repeating: exponent < 0 ? .infinity : 0, count: layout.resultCount)
        }
        if exponent == 2, let lines = layout.contiguousLines {
            return values.withUnsafeBufferPointer { buffer in
                lines.starts.map { contiguousSquareSum(buffer.baseAddress! + $0, count: lines.length).squareRoot() }
            }
        }
        var result = [T](repeating: 0, count: layout.resultCount)
        layout.forEachResult { slot, offsets in
            result[slot] = sequentialNorm(offsets.lazy.map { values[$0] }, exponent: exponent)
        }
        return result
    }

    /// Σ x² of one contiguous line in PyTorch's lane order.
    @inline(__always)
    static func contiguousSquareSum<T: KernelFloat>(_ start: UnsafePointer<T>, count: Int) -> T {
        let lanes = T.SumVector.scalarCount
        var accumulator = T.SumVector.zero
        let raw = UnsafeRawPointer(start)
        var index = 0
        while index + lanes <= count {
            let v = raw.loadUnaligned(fromByteOffset: index * MemoryLayout<T>.stride, as: T.SumVector.self)
            accumulator = accumulator + v * v
            index += lanes
        }
        var total = accumulator[0]
        for lane in 1..<lanes { total = total + accumulator[lane] }
        // float32 only: the compiler vectorised four tail iterations without fusing them.
        if T.self == Float.self && count - index >= 4 {
            for _ in 0..<4 {
                let x = start[index]
                total = total + x * x
                index += 1
            }
        }
        while index < count {
            let x = start[index]
            total = total.addingProduct(x, x)
            index += 1
        }
        return total
    }

    /// `binary_kernel_reduce` with NormOps: one accumulator from 0 (or +inf for p = -inf).
    @inline(__always)
    static func sequentialNorm<T: KernelFloat, S: Sequence>(_ values: S, exponent p: T) -> T where S.Element == T {
        switch p {
        case .infinity:
            var best: T = 0
            for x in values {
                let m = x.magnitude
                if m.isNaN || best.isNaN { best = .nan } else if m > best { best = m }
            }
            return best
        case -.infinity:
            var best = T.infinity
            for x in values {
                let m = x.magnitude
                if m.isNaN || best.isNaN { best = .nan } else if m < best { best = m }
            }
            return best
        case 0:
            var total: T = 0
            for x in values where x != 0 { total += 1 }
            return total
        case 1:
            var total: T = 0
            for x in values { total = total + x.magnitude }
            return total
        case 2:
            var total: T = 0
            for x in values { total = total + x * x }
            return total.squareRoot()
        default:
            var total: T = 0
            for x in values { total = total + T.power(x.magnitude, p) }
            return T.power(total, 1 / p)
        }
    }
}
