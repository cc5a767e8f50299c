/// float32 `exp` and `log` as PyTorch's vectorised CPU kernels compute them
/// (`Vectorized<float>::exp()` / `log()`, which call SLEEF's `expf_u10` and
/// `logf_u10` with fused multiply-adds). They are within 1 ulp of the exact
/// values but not correctly rounded, so reproducing PyTorch's softmax and
/// log_softmax bits needs the same algorithms, step by step. Scalar code in
/// PyTorch (loop tails) calls the C library instead: see `KernelFloat`.
enum SleefFloat {
    private static let log2E: Float = 1.442695040888963407359924681001892137426645954152985934135449406931
    private static let ln2Upper: Float = 0.693145751953125
    private static let ln2Lower: Float = 1.428606765330187045e-06

    /// SLEEF `xexpf`: Cody–Waite reduction by ln 2, a degree-6 polynomial, then scaling by 2^q.
    @inline(__always)
    static func exp(_ d: Float) -> Float {
        if d.isNaN { return d }
        if d < -104 { return 0 }
        if d > 100 { return .infinity }
        let q = (d * log2E).rounded(.toNearestOrEven)
        var s = d.addingProduct(q, -ln2Upper)
        s = s.addingProduct(q, -ln2Lower)
        var u: Float = 0.000198527617612853646278381
        u = Float(0.00139304355252534151077271).addingProduct(u, s)
        u = Float(0.00833336077630519866943359).addingProduct(u, s)
        u = Float(0.0416664853692054748535156).addingProduct(u, s)
        u = Float(0.166666671633720397949219).addingProduct(u, s)
        u = Float(0.5).addingProduct(u, s)
        u = 1 + s.addingProduct(s * s, u)
        return scaleByPowerOfTwo(u, Int32(q))
    }

    /// SLEEF `vldexp2`: u · 2^(q>>1) · 2^(q − q>>1), two exact-power multiplications.
    @inline(__always)
    private static func scaleByPowerOfTwo(_ u: Float, _ q: Int32) -> Float {
        let half = q >> 1
        return u * powerOfTwo(half) * powerOfTwo(q - half)
    }

    @inline(__always)
    private static func powerOfTwo(_ e: Int32) -> Float {
        // Bit pattern of 2^e (e within the normal range here, as SLEEF assumes).
        Float(bitPattern: UInt32(truncatingIfNeeded: (Int(e) + 127) << 23))
    }

    /// SLEEF `xlogf_u1`: m in [0.75, 1.5) and exponent e, log(m) from
    /// x = (m−1)/(m+1) in double-float arithmetic, plus e·ln 2.
    @inline(__always)
    static func log(_ d: Float) -> Float {
        if d.isNaN || d < 0 { return .nan }
        if d == 0 { return -.infinity }
        if d == .infinity { return .infinity }
        // Exponent of d/0.75 and the mantissa scaled into [0.75, 1.5); subnormals
        // are scaled up first (exact either way).
        var value = d, bias: Int = 0
        if value < Float.leastNormalMagnitude {
            value *= 18446744073709551616  // 2^64
            bias = 64
        }
        let e = Int((value * (1 / 0.75)).exponent)
        let m = Float(sign: .plus, exponent: -e, significand: value)
        let s0 = DoubleFloat.times(DoubleFloat(0.69314718246459960938, -1.904654323148236017e-09), Float(e - bias))
        let x = DoubleFloat.divide(DoubleFloat.sum(-1, m), DoubleFloat.sum(1, m))
        let x2 = x.high * x.high
        var t: Float = 0.3027294874
        t = Float(0.3996108174).addingProduct(t, x2)
        t = Float(0.6666694880).addingProduct(t, x2)
        var s = s0.adding(x.scaled(by: 2))
        s = s.adding((x2 * x.high) * t)
        return s.high + s.low
    }
}

/// An unevaluated sum high + low of two floats (SLEEF's `vfloat2`), with the
/// FMA forms of its operations.
struct DoubleFloat {
    var high: Float
    var low: Float

    init(_ high: Float, _ low: Float) {
        self.high = high
        self.low = low
    }

    /// `dfadd2_vf2_vf_vf`: the exact sum of two floats.
    @inline(__always)
    static func sum(_ x: Float, _ y: Float) -> DoubleFloat {
        let s = x + y
        let v = s - x
        return DoubleFloat(s, (x - (s - v)) + (y - v))
    }

    /// `dfdiv_vf2_vf2_vf2` (FMA variant).
    @inline(__always)
    static func divide(_ n: DoubleFloat, _ d: DoubleFloat) -> DoubleFloat {
        let t = 1 / d.high
        let s = n.high * t
        let u = fusedProductMinus(t, n.high, s)
        let v = fusedNegatedProductPlus(d.low, t, fusedNegatedProductPlus(d.high, t, 1))
        return DoubleFloat(s, fused(s, v, fused(n.low, t, u)))
    }

    /// `dfmul_vf2_vf2_vf` (FMA variant).
    @inline(__always)
    static func times(_ x: DoubleFloat, _ y: Float) -> DoubleFloat {
        let s = x.high * y
        return DoubleFloat(s, fused(x.low, y, fusedProductMinus(x.high, y, s)))
    }

    /// `dfscale_vf2_vf2_vf`.
    @inline(__always)
    func scaled(by factor: Float) -> DoubleFloat {
        DoubleFloat(high * factor, low * factor)
    }

    /// `dfadd_vf2_vf2_vf2` (assumes |self| ≥ |other|).
    @inline(__always)
    func adding(_ other: DoubleFloat) -> DoubleFloat {
        let s = high + other.high
        return DoubleFloat(s, (((high - s) + other.high) + low) + other.low)
    }

    /// `dfadd_vf2_vf2_vf`.
    @inline(__always)
    func adding(_ other: Float) -> DoubleFloat {
        let s = high + other
        return DoubleFloat(s, ((high - s) + other) + low)
    }

    /// a·b + c rounded once.
    @inline(__always)
    static func fused(_ a: Float, _ b: Float, _ c: Float) -> Float { c.addingProduct(a, b) }
    /// a·b − c rounded once (`vfmapn`).
    @inline(__always)
    static func fusedProductMinus(_ a: Float, _ b: Float, _ c: Float) -> Float { (-c).addingProduct(a, b) }
    /// −a·b + c rounded once (`vfmanp`).
    @inline(__always)
    static func fusedNegatedProductPlus(_ a: Float, _ b: Float, _ c: Float) -> Float { c.addingProduct(-a, b) }
}
