/// float32 tanh as PyTorch's vectorised kernels compute it
/// (`Vectorized<float>::tanh()`, SLEEF's `tanhf_u10` with fused multiply-adds):
/// e^|x| as an unevaluated double-float sum, then (e − 1/e) / (e + 1/e) in
/// double-float arithmetic. Within 1 ulp, not correctly rounded, so the
/// tanh-approximated GELU needs the same steps to give PyTorch's bits.
extension SleefFloat {
    private static let log2EForTanh: Float = 1.442695040888963407359924681001892137426645954152985934135449406931
    private static let ln2UpperForTanh: Float = 0.693145751953125
    private static let ln2LowerForTanh: Float = 1.428606765330187045e-06

    /// SLEEF `xtanhf_u1`.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        if x.isNaN { return x }
        let y = x.magnitude
        var r: Float
        if y > 8.664339742 {
            r = 1
        } else {
            let d = exponentialAsDoubleFloat(y)
            let e = d.reciprocal()
            let q = DoubleFloat.divide(d.adding(e.negated()), d.adding(e))
            r = q.high + q.low
            if r.isNaN { r = 1 }
        }
        return x.sign == .minus ? -r : r
    }

    /// SLEEF `expk2f` for a non-negative float argument: e^d as high + low.
    @inline(__always)
    private static func exponentialAsDoubleFloat(_ d: Float) -> DoubleFloat {
        let q = (d * log2EForTanh).rounded(.toNearestOrEven)
        var s = DoubleFloat.sum(d, q * -ln2UpperForTanh)
        s = s.addingExactly(q * -ln2LowerForTanh)
        var u: Float = 0.1980960224e-3
        u = Float(0.1394256484e-2).addingProduct(u, s.high)
        u = Float(0.8333456703e-2).addingProduct(u, s.high)
        u = Float(0.4166637361e-1).addingProduct(u, s.high)
        var t = DoubleFloat.times(s, u).addingExactly(0.166666659414234244790680580464)
        t = s.times(t).addingExactly(0.5)
        t = s.addingExactly(s.squared().times(t))
        t = DoubleFloat.sum(1, t)
        let n = Int32(q)
        return DoubleFloat(scaleByPowerOfTwo(t.high, n), scaleByPowerOfTwo(t.low, n))
    }

    /// SLEEF `vldexp2`: u · 2^(q>>1) · 2^(q − q>>1).
    @inline(__always)
    private static func scaleByPowerOfTwo(_ u: Float, _ q: Int32) -> Float {
        let half = q >> 1
        return u * Float(bitPattern: UInt32(truncatingIfNeeded: (Int(half) + 127) << 23))
            * Float(bitPattern: UInt32(truncatingIfNeeded: (Int(q - half) + 127) << 23))
    }
}

/// The further double-float operations tanh needs (FMA forms, as in SLEEF's df.h).
extension DoubleFloat {
    /// `dfneg_vf2_vf2`.
    @inline(__always)
    func negated() -> DoubleFloat { DoubleFloat(-high, -low) }

    /// `dfrec_vf2_vf2`: 1 / self.
    @inline(__always)
    func reciprocal() -> DoubleFloat {
        let s = 1 / high
        return DoubleFloat(s, s * DoubleFloat.fusedNegatedProductPlus(low, s, DoubleFloat.fusedNegatedProductPlus(high, s, 1)))
    }

    /// `dfadd2_vf2_vf2_vf`: self + other without assuming which is larger.
    @inline(__always)
    func addingExactly(_ other: Float) -> DoubleFloat {
        let s = high + other
        let v = s - high
        let t = (high - (s - v)) + (other - v)
        return DoubleFloat(s, t + low)
    }

    /// `dfadd2_vf2_vf2_vf2`.
    @inline(__always)
    func addingExactly(_ other: DoubleFloat) -> DoubleFloat {
        let s = high + other.high
        let v = s - high
        let t = (high - (s - v)) + (other.high - v)
        return DoubleFloat(s, t + (low + other.low))
    }

    /// `dfadd_vf2_vf_vf2`: x + y for |x| ≥ |y|.
    @inline(__always)
    static func sum(_ x: Float, _ y: DoubleFloat) -> DoubleFloat {
        let s = x + y.high
        return DoubleFloat(s, ((x - s) + y.high) + y.low)
    }

    /// `dfmul_vf2_vf2_vf2`.
    @inline(__always)
    func times(_ y: DoubleFloat) -> DoubleFloat {
        let s = high * y.high
        return DoubleFloat(s, DoubleFloat.fused(high, y.low, DoubleFloat.fused(low, y.high, DoubleFloat.fusedProductMinus(high, y.high, s))))
    }

    /// `dfsqu_vf2_vf2`.
    @inline(__always)
    func squared() -> DoubleFloat {
        let s = high * high
        return DoubleFloat(s, DoubleFloat.fused(high + high, low, DoubleFloat.fusedProductMinus(high, high, s)))
    }
}
