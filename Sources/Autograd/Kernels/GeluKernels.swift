#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// float32 `gelu` and `gelu_backward` as PyTorch 2.x computes them on an x86-64
/// CPU (AVX512 kernels), bit for bit:
/// - exact GELU of a contiguous input with more than one element: oneDNN (`OneDNNGelu`);
/// - otherwise ATen's `GeluKernelImpl` / `GeluBackwardKernelImpl`: a vectorised
///   formula (erf from `Vectorized<float>::erf`, tanh and exp from SLEEF) for the
///   elements `VectorizedLoopPlan` assigns to the vector body, the scalar one
///   (glibc's erff / expf / tanhf) for the rest.
/// Where the C++ compiler fused a product into the following addition (checked
/// against PyTorch on 280,000 inputs) the formulas below fuse it too.
enum GeluKernels {
    static func forward(_ x: Tensor, tanh: Bool) -> [Float] {
        let xs = x.elements(as: Float.self)
        let n = xs.count
        if !tanh && x.isContiguous && n > 1 {
            return map(n) { OneDNNGelu.forward(xs[$0]) }
        }
        // GeluKernelImpl's grain: one range per thread past 16384 elements.
        let grain = n > 16384 ? n / TorchThreads.count : TorchThreads.grainSize
        let plan = VectorizedLoopPlan.plan(shape: x.shape, inputStrides: [x.strides], grain: grain)
        return tanh
            ? run(plan, count: n, vector: { tanhForward(xs[$0], SleefFloat.tanh) }, scalar: { tanhForward(xs[$0], tanhf) })
            : run(plan, count: n, vector: { erfForwardVector(xs[$0]) }, scalar: { erfForwardScalar(xs[$0]) })
    }

    /// g must have x's shape (any strides: an expanded gradient is fine).
    static func backward(_ g: Tensor, _ x: Tensor, tanh: Bool) -> [Float] {
        let xs = x.elements(as: Float.self), gs = g.elements(as: Float.self)
        let n = xs.count
        if !tanh && x.isContiguous && n > 1 {
            return map(n) { OneDNNGelu.backward(gs[$0], xs[$0]) }
        }
        let plan = VectorizedLoopPlan.plan(shape: x.shape, inputStrides: [g.strides, x.strides], grain: TorchThreads.grainSize)
        return tanh
            ? run(plan, count: n, vector: { tanhBackward(gs[$0], xs[$0], SleefFloat.tanh) },
                  scalar: { tanhBackward(gs[$0], xs[$0], tanhf) })
            : run(plan, count: n, vector: { erfBackwardVector(gs[$0], xs[$0]) }, scalar: { erfBackwardScalar(gs[$0], xs[$0]) })
    }

    // MARK: ATen's formulas

    private static let sqrtHalf = Float(0.70710678118654752440 as Double)                 // M_SQRT1_2
    private static let tanhBeta = Float(1.41421356237309504880 as Double * 1.12837916709551257390 * 0.5)  // √2 · 2/√π · ½
    private static let tanhKappa: Float = 0.044715
    private static let pdfScale = Float(1.12837916709551257390 as Double * 0.70710678118654752440 * 0.5) // 1/√(2π)

    @inline(__always)
    private static func erfForwardScalar(_ x: Float) -> Float { x * 0.5 * (1 + erff(x * sqrtHalf)) }
    @inline(__always)
    private static func erfForwardVector(_ x: Float) -> Float { x * 0.5 * (1 + vectorErf(x * sqrtHalf)) }

    /// dy · (Φ(x) + x·φ(x)); the vector body fuses x·φ + Φ, the scalar loop does not.
    @inline(__always)
    private static func erfBackwardScalar(_ dy: Float, _ x: Float) -> Float {
        let cdf = 0.5 * (1 + erff(x * sqrtHalf))
        let pdf = pdfScale * expf(x * x * -0.5)
        return dy * (cdf + x * pdf)
    }
    @inline(__always)
    private static func erfBackwardVector(_ dy: Float, _ x: Float) -> Float {
        let cdf = 0.5 * (1 + vectorErf(x * sqrtHalf))
        let pdf = pdfScale * SleefFloat.exp(x * x * -0.5)
        return dy * FusedMultiplyAdd.fused(x, pdf, cdf)
    }

    /// ½x(1 + tanh(β(x + κx³))), with x + κx³ fused (both paths).
    @inline(__always)
    private static func tanhForward(_ x: Float, _ tanh: (Float) -> Float) -> Float {
        let cube = x * x * x
        let inner = tanhBeta * FusedMultiplyAdd.fused(tanhKappa, cube, x)
        return 0.5 * x * (1 + tanh(inner))
    }

    /// dy · (½(1 + t) + ½x · (1 − t²) · β(1 + 3κx²)), t = tanh(β(x + κx³)); the
    /// three inner sums are fused, the outer one is not (both paths).
    @inline(__always)
    private static func tanhBackward(_ dy: Float, _ x: Float, _ tanh: (Float) -> Float) -> Float {
        let square = x * x
        let inner = tanhBeta * FusedMultiplyAdd.fused(tanhKappa, square * x, x)
        let t = tanh(inner)
        let leftDerivative = 0.5 * (1 + t)
        let tanhDerivative = FusedMultiplyAdd.fused(-t, t, 1)
        let innerDerivative = tanhBeta * FusedMultiplyAdd.fused(3 * tanhKappa, square, 1)
        return dy * (leftDerivative + (0.5 * x) * tanhDerivative * innerDerivative)
    }

    /// `Vectorized<float>::erf()`: Abramowitz–Stegun 7.1.26 with SLEEF's exp.
    @inline(__always)
    static func vectorErf(_ x: Float) -> Float {
        let t = 1 / FusedMultiplyAdd.fused(0.3275911, x.magnitude, 1)
        var r: Float = 1.061405429
        r = FusedMultiplyAdd.fused(r, t, -1.453152027)
        r = FusedMultiplyAdd.fused(r, t, 1.421413741)
        r = FusedMultiplyAdd.fused(r, t, -0.284496736)
        r = FusedMultiplyAdd.fused(r, t, 0.254829592)
        let e = SleefFloat.exp(-(x * x))
        let y = FusedMultiplyAdd.fused(-e * t, r, 1)
        return x.sign == .minus ? -y : y
    }

    // MARK: loops

    @inline(__always)
    private static func map(_ n: Int, _ f: (Int) -> Float) -> [Float] {
        [Float](unsafeUninitializedCapacity: n) { out, initialized in
            for i in 0..<n { out[i] = f(i) }
            initialized = n
        }
    }

    /// Evaluates each element with the formula its iteration position calls for.
    @inline(__always)
    private static func run(_ plan: VectorizedLoopPlan, count n: Int,
                            vector: (Int) -> Float, scalar: (Int) -> Float) -> [Float] {
        [Float](unsafeUninitializedCapacity: n) { out, initialized in
            var position = 0
            func fill(upTo end: Int, _ f: (Int) -> Float) {
                if let order = plan.order {
                    while position < end { out[order[position]] = f(order[position]); position += 1 }
                } else {
                    while position < end { out[position] = f(position); position += 1 }
                }
            }
            for range in plan.vectorRanges {
                fill(upTo: range.lowerBound, scalar)
                fill(upTo: range.upperBound, vector)
            }
            fill(upTo: n, scalar)
            initialized = n
        }
    }
}
