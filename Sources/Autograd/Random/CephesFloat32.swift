/// The float32 Cephes `log` and `sincos` of the AVX2 `normal_fill_16` kernel
/// (avx_mathfun.h), with the multiply-adds fused exactly where the compiler
/// fused them in PyTorch's build (torch-fidelity.md §3.4.2). Every other
/// operation rounds to float32 on its own, so do not reassociate anything.
enum CephesFloat32 {
    static let sqrtHalf = Float(bitPattern: 0x3F35_04F3)
    static let logP0 = Float(bitPattern: 0x3D90_21BB)
    static let logP1 = Float(bitPattern: 0xBDEB_D1B8)
    static let logP2 = Float(bitPattern: 0x3DEF_251A)
    static let logP3 = Float(bitPattern: 0xBDFE_5D4F)
    static let logP4 = Float(bitPattern: 0x3E11_E9BF)
    static let logP5 = Float(bitPattern: 0xBE2A_AE50)
    static let logP6 = Float(bitPattern: 0x3E4C_CEAC)
    static let logP7 = Float(bitPattern: 0xBE7F_FFFC)
    static let logP8 = Float(bitPattern: 0x3EAA_AAAA)
    static let logQ1 = Float(bitPattern: 0xB95E_8083)
    static let logQ2 = Float(bitPattern: 0x3F31_8000)

    static let fourOverPi = Float(bitPattern: 0x3FA2_F983)
    static let minusDP1 = Float(bitPattern: 0xBF49_0000)
    static let minusDP2 = Float(bitPattern: 0xB97D_A000)
    static let minusDP3 = Float(bitPattern: 0xB322_2169)
    static let sinS0 = Float(bitPattern: 0xB94C_A1F9)
    static let sinS1 = Float(bitPattern: 0x3C08_839E)
    static let sinS2 = Float(bitPattern: 0xBE2A_AAA3)
    static let cosC0 = Float(bitPattern: 0x37CC_F5CE)
    static let cosC1 = Float(bitPattern: 0xBAB6_061A)
    static let cosC2 = Float(bitPattern: 0x3D2A_AAA5)

    /// Natural log for x in (0, 1] (the only inputs the kernel passes).
    @inline(__always)
    static func log(_ input: Float) -> Float {
        let bits = input.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 127) + 1
        // Mantissa with the exponent of 0.5: m in [0.5, 1).
        let m = Float(bitPattern: (bits & 0x807F_FFFF) | 0x3F00_0000)
        var x: Float
        if m < sqrtHalf {
            e -= 1
            x = (m - 1) + m
        } else {
            x = m - 1
        }
        let z = x * x
        var y = logP0
        y = logP1.addingProduct(y, x)
        y = logP2.addingProduct(y, x)
        y = logP3.addingProduct(y, x)
        y = logP4.addingProduct(y, x)
        y = logP5.addingProduct(y, x)
        y = logP6.addingProduct(y, x)
        y = logP7.addingProduct(y, x)
        y = logP8.addingProduct(y, x)
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        x = x + y
        return x.addingProduct(e, logQ2)
    }

    /// Sine and cosine for θ >= 0 (the kernel's θ = 2π·u is never negative).
    @inline(__always)
    static func sincos(_ theta: Float) -> (sin: Float, cos: Float) {
        var j = Int32(theta * fourOverPi)  // truncation, like cvttps
        j = (j &+ 1) & ~1
        let y = Float(j)
        var x = theta.addingProduct(y, minusDP1)
        x = x.addingProduct(y, minusDP2)
        x = x.addingProduct(y, minusDP3)
        let z = x * x

        var c = cosC1.addingProduct(cosC0, z)
        c = cosC2.addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1

        var s = sinS1.addingProduct(sinS0, z)
        s = sinS2.addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)

        var sine = (j & 2) == 0 ? s : c
        var cosine = (j & 2) == 0 ? c : s
        if (j & 4) != 0 { sine = -sine }
        if ((j &- 2) & 4) == 0 { cosine = -cosine }
        return (sine, cosine)
    }
}
