import COpenBLAS
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The floating-point element types the numeric kernels support: float32 (the
/// fast path) and float64. Each knows its BLAS routine and the vector widths
/// PyTorch's CPU kernels use for it, which fix their summation orders.
public protocol KernelFloat: BinaryFloatingPoint, SIMDScalar, Codable, CascadeTerm, Sendable where Self.RawSignificand: FixedWidthInteger {
    /// PyTorch's AVX2 `Vectorized<T>`, whose lanes fix the cascade sum's order.
    associatedtype SumVector: SIMD where SumVector.Scalar == Self, SumVector: CascadeTerm
    /// Lanes of PyTorch's AVX512 `Vectorized<T>`, used by the softmax kernels.
    static var softmaxLanes: Int { get }
    /// Whether those lanes are added as a tree of halves (float) or one after another (double).
    static var softmaxLanesAddAsTree: Bool { get }

    /// C's `exp` / `log` (what PyTorch's scalar loops call).
    static func exponential(_ x: Self) -> Self
    static func logarithm(_ x: Self) -> Self
    /// `Vectorized<T>::exp()` / `log()`: SLEEF's u10 functions for float32 (see
    /// SleefFloat); C's functions for float64, which SLEEF's double versions
    /// match except in rare last-bit cases.
    static func vectorExponential(_ x: Self) -> Self
    static func vectorLogarithm(_ x: Self) -> Self
    static func squareRoot(of x: Double) -> Self
    /// C's `pow` in this precision (`powf` for float32).
    static func power(_ x: Self, _ y: Self) -> Self

    /// Row-major `C = alpha * op(A) * op(B) + beta * C` through cblas.
    static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Self,
        a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
}

extension Float: KernelFloat {
    public typealias SumVector = SIMD8<Float>
    public static var softmaxLanes: Int { 16 }
    public static var softmaxLanesAddAsTree: Bool { true }

    public static func exponential(_ x: Float) -> Float { expf(x) }
    public static func logarithm(_ x: Float) -> Float { logf(x) }
    public static func vectorExponential(_ x: Float) -> Float { SleefFloat.exp(x) }
    public static func vectorLogarithm(_ x: Float) -> Float { SleefFloat.log(x) }
    public static func squareRoot(of x: Double) -> Float { Float(x.squareRoot()) }
    public static func power(_ x: Float, _ y: Float) -> Float { powf(x, y) }

    public static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Float,
        a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}

extension Double: KernelFloat {
    public typealias SumVector = SIMD4<Double>
    public static var softmaxLanes: Int { 8 }
    public static var softmaxLanesAddAsTree: Bool { false }

    public static func exponential(_ x: Double) -> Double { exp(x) }
    public static func logarithm(_ x: Double) -> Double { log(x) }
    public static func vectorExponential(_ x: Double) -> Double { exp(x) }
    public static func vectorLogarithm(_ x: Double) -> Double { log(x) }
    public static func squareRoot(of x: Double) -> Double { x.squareRoot() }
    public static func power(_ x: Double, _ y: Double) -> Double { pow(x, y) }

    public static func blasGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans, blasint(m), blasint(n), blasint(k),
            alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}
