/// float32 exact (erf) GELU as oneDNN computes it. PyTorch's CPU `gelu` and
/// `gelu_backward` hand a contiguous float32 input of more than one element to
/// oneDNN's eltwise primitive (`use_mkldnn`), whose AVX512 JIT code evaluates
/// every element with the same vector formula: the forward pass a piecewise
/// minimax polynomial for erf(x/√2), the backward pass the Abramowitz–Stegun
/// erf with oneDNN's own exp. The coefficients are oneDNN's (Apache-2.0,
/// `jit_uni_eltwise_injector`), given as bit patterns so no rounding intrudes.
enum OneDNNGelu {
    /// 0.5 · x · (1 + erf(x/√2)).
    @inline(__always)
    static func forward(_ x: Float) -> Float {
        let a = x.magnitude
        // Interval index from the bits of |x| (two mantissa bits per binade),
        // clamped to the table; index 23 is the constant 1 past the saturation
        // bound, index 24 returns |x| itself (reached only by NaN).
        var index = Int32(bitPattern: a.bitPattern &+ 0xc21f_ffff) >> 21
        index = Swift.min(Swift.max(index, 1), 24)
        if a > saturationBound { index = 23 }
        let i = Int(index)
        var p = minimaxCoefficients[5 * intervals + i]
        for degree in stride(from: 4, through: 0, by: -1) {
            p = FusedMultiplyAdd.fused(p, a, minimaxCoefficients[degree * intervals + i])
        }
        if x.sign == .minus { p = -p }
        return (x * (p + 1)) * 0.5
    }

    /// dy · (0.5 + 0.5·erf(r) + r·e^(−r²)/√π) with r = x/√2.
    @inline(__always)
    static func backward(_ dy: Float, _ x: Float) -> Float {
        let r = x * Float(bitPattern: 0x3f35_04f3)          // 1/√2
        let q = exponential(-(r * r))
        let t = (r * Float(bitPattern: 0x3f10_6eba)) * q    // 1/√π
        let w = 1 / FusedMultiplyAdd.fused(Float(bitPattern: 0x3ea7_ba05), r.magnitude, 1)
        var poly = Float(bitPattern: 0x3f87_dc22)
        poly = FusedMultiplyAdd.fused(poly, w, Float(bitPattern: 0xbfba_00e3))
        poly = FusedMultiplyAdd.fused(poly, w, Float(bitPattern: 0x3fb5_f0e3))
        poly = FusedMultiplyAdd.fused(poly, w, Float(bitPattern: 0xbe91_a98e))
        poly = FusedMultiplyAdd.fused(poly, w, Float(bitPattern: 0x3e82_7906))
        var erf = FusedMultiplyAdd.fused(-q * w, poly, 1)
        if r.sign == .minus { erf = -erf }
        return FusedMultiplyAdd.fused(erf, 0.5, t + 0.5) * dy
    }

    /// oneDNN's `exp_compute_vector_fwd`: clamp to [ln FLT_MIN, ln FLT_MAX]
    /// (NaN becomes the upper bound, as `minps` returns its second operand),
    /// n = ⌊x·log₂e + ½⌋, a degree-5 polynomial in x − n·ln2, times 2^(n−1)·2;
    /// zero below ln FLT_MIN.
    @inline(__always)
    static func exponential(_ input: Float) -> Float {
        let lower = Float(bitPattern: 0xc2ae_ac50), upper = Float(bitPattern: 0x42b1_7218)
        let x = Swift.max(input < upper ? input : upper, lower)
        let n = (x * Float(bitPattern: 0x3fb8_aa3b) + 0.5).rounded(.down)
        let s = FusedMultiplyAdd.fused(-n, Float(bitPattern: 0x3f31_7218), x)
        var p = Float(bitPattern: 0x3c07_cfce)
        p = FusedMultiplyAdd.fused(p, s, Float(bitPattern: 0x3d2b_9d0d))
        p = FusedMultiplyAdd.fused(p, s, Float(bitPattern: 0x3e2a_ad40))
        p = FusedMultiplyAdd.fused(p, s, Float(bitPattern: 0x3eff_fee3))
        p = FusedMultiplyAdd.fused(p, s, Float(bitPattern: 0x3f7f_fffb))
        p = FusedMultiplyAdd.fused(p, s, 1)
        let scale = input < lower ? 0 : Float(bitPattern: UInt32(truncatingIfNeeded: (Int(n) - 1 + 127) << 23))
        return (p * scale) * 2
    }

    private static let saturationBound = Float(bitPattern: 0x40b1_5cee)

    private static let intervals = 25
    /// Coefficient of each degree (0 to 5) for each interval, degree-major:
    /// erf(x/√2) ≈ Σ c·|x|^degree.
    private static let minimaxCoefficients: [Float] = minimaxBits.joined().map { Float(bitPattern: $0) }
    private static let minimaxBits: [[UInt32]] = [
        [0xa6f2cb94, 0x32827792, 0x3381cc0c, 0x34523d4a, 0x351ac44d, 0x35f36d88, 0x36ee8229, 0x37b8a3bb, 0x3867a213,
         0x3940033b, 0x3a2a5a1d, 0x3ae35863, 0x3b7828f2, 0x3c08b14b, 0x3c515ed3, 0xbb503236, 0xbd8d8e5e, 0xbe8abcd9,
         0xbf0c19a2, 0xbeccb328, 0x3e176ced, 0x3f470d99, 0x3f7abb28, 0x3f800000, 0x00000000],
        [0x3f4c422a, 0x3f4c421f, 0x3f4c4207, 0x3f4c41cb, 0x3f4c413b, 0x3f4c3fad, 0x3f4c3a2f, 0x3f4c2d40, 0x3f4c146a,
         0x3f4bc341, 0x3f4ad08c, 0x3f48f8cf, 0x3f45fac7, 0x3f404e07, 0x3f3b980f, 0x3f48dff3, 0x3f78b21b, 0x3fbb0704,
         0x40019c32, 0x3fe536d6, 0x3f81331e, 0x3e6c8684, 0x3c98f936, 0x00000000, 0x3f800000],
        [0xb62173f4, 0x3735e4cf, 0x37f2ff89, 0x388c23be, 0x3917535c, 0x39ab2ab0, 0x3a60fadb, 0x3af9b960, 0x3b6e5491,
         0x3c0a4ec5, 0x3ca5aa8c, 0x3d2138d9, 0x3d8737d4, 0x3ddfb660, 0x3e0f27ab, 0x3d94004b, 0xbe0efdeb, 0xbf1d96c3,
         0xbf89db58, 0xbf6d9897, 0xbef69fb8, 0xbdc4f8a8, 0xbbde6422, 0x00000000, 0x00000000],
        [0xbe081a19, 0xbe084570, 0xbe08639b, 0xbe089837, 0xbe08f409, 0xbe09ab95, 0xbe0b66d0, 0xbe0e400a, 0xbe124df8,
         0xbe1bde02, 0xbe2f19c9, 0xbe4931bf, 0xbe685fbc, 0xbe89c95f, 0xbe96cbca, 0xbe8044aa, 0xbe0550f2, 0x3dcfd6a1,
         0x3e94c826, 0x3e79345f, 0x3decec91, 0x3ca46568, 0x3aa1e00a, 0x00000000, 0x00000000],
        [0xba3d61db, 0x39f097a3, 0x3a5845dc, 0x3ab1fa35, 0x3b0cefb8, 0x3b653ab6, 0x3bcae527, 0x3c221712, 0x3c6c5840,
         0x3cc0a703, 0x3d1dcc19, 0x3d63656d, 0x3d955907, 0x3dbf9910, 0x3dd53f69, 0x3db7dcef, 0x3d639ebe, 0xba6ede48,
         0xbd22be69, 0xbd041cf1, 0xbc64f5ab, 0xbb097a32, 0xb8ebf380, 0x00000000, 0x00000000],
        [0x3cb7d80c, 0x3c9b6050, 0x3c978d11, 0x3c92e850, 0x3c8d058b, 0x3c848454, 0x3c6cd623, 0x3c4c824b, 0x3c2a7935,
         0x3be0b390, 0x3b0651ac, 0xbb232f53, 0xbbd42fa0, 0xbc2c5366, 0xbc492c9e, 0xbc2a7aa6, 0xbbd55d04, 0xba823a76,
         0x3b102aa8, 0x3ae25a7e, 0x3a31f792, 0x38b84375, 0x3689bb5a, 0x00000000, 0x00000000],
    ]
}
