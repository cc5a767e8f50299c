/// float32 fused multiply-adds (a·b + c rounded once, as PyTorch's `add_(…, alpha=)`,
/// `addcmul_` and MKL's products compute them) at vector speed. The compiler's
/// baseline x86-64 target has no FMA instruction, so `Float.addingProduct` is a
/// libm call per element; here the product is formed exactly in double and the
/// sum rounded to double then to float, which is the correctly rounded result
/// except when the double sum lies exactly halfway between two floats (or the
/// result is subnormal) — those rare elements are redone with `addingProduct`.
/// Built for a CPU with FMA (`LITGRAD_FMA`, see Package.swift), the hardware
/// instruction does it directly.
public enum FusedMultiplyAdd {
    /// a·b + c rounded once.
    @inline(__always)
    public static func fused(_ a: Float, _ b: Float, _ c: Float) -> Float {
        #if LITGRAD_FMA
        return c.addingProduct(a, b)   // one instruction on this target
        #else
        let sum = Double(a) * Double(b) + Double(c)
        let rounded = Float(sum)
        return isDoubtful(sum, rounded) ? c.addingProduct(a, b) : rounded
        #endif
    }

    /// y[i] = x[i]·scale + y[i], each rounded once (`y.add_(x, alpha=scale)`).
    public static func addScaled(_ x: UnsafePointer<Float>, scale: Float, into y: UnsafeMutablePointer<Float>, count: Int) {
        let rawX = UnsafeRawPointer(x), rawY = UnsafeMutableRawPointer(y)
        var j = 0
        while j + 8 <= count {
            let r = rawX.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            let o = rawY.loadUnaligned(fromByteOffset: j * 4, as: SIMD8<Float>.self)
            rawY.storeBytes(of: fused(r, scale: scale, plus: o), toByteOffset: j * 4, as: SIMD8<Float>.self)
            j += 8
        }
        while j < count {
            y[j] = fused(x[j], scale, y[j])
            j += 1
        }
    }

    /// r·scale + o lane by lane, each rounded once.
    @inline(__always)
    public static func fused(_ r: SIMD8<Float>, scale: Float, plus o: SIMD8<Float>) -> SIMD8<Float> {
        #if LITGRAD_FMA
        return o.addingProduct(r, SIMD8(repeating: scale))
        #else
        let factor = SIMD4<Double>(repeating: Double(scale))
        let mask = SIMD4<UInt64>(repeating: 0x1FFF_FFFF), half = SIMD4<UInt64>(repeating: 0x1000_0000)
        let low = factor * SIMD4<Double>(r.lowHalf) + SIMD4<Double>(o.lowHalf)
        let high = factor * SIMD4<Double>(r.highHalf) + SIMD4<Double>(o.highHalf)
        var result = SIMD8<Float>(lowHalf: SIMD4<Float>(low), highHalf: SIMD4<Float>(high))
        let halfway = (unsafeBitCast(low, to: SIMD4<UInt64>.self) & mask .== half)
            .| (unsafeBitCast(high, to: SIMD4<UInt64>.self) & mask .== half)
        let magnitude = result.replacing(with: -result, where: result .< 0)
        let tiny = (magnitude .< Float.leastNormalMagnitude) .& (result .!= 0)
        if anyLane(halfway) || anyLane(tiny) {
            for lane in 0..<8 { result[lane] = o[lane].addingProduct(r[lane], scale) }
        }
        return result
        #endif
    }

    // `any(mask)` is a generic reduction call here; OR-ing the lanes inlines.
    @inline(__always)
    private static func anyLane(_ mask: SIMDMask<SIMD4<Int64>>) -> Bool {
        let v = unsafeBitCast(mask, to: SIMD4<Int64>.self)
        return (v[0] | v[1] | v[2] | v[3]) != 0
    }

    @inline(__always)
    private static func anyLane(_ mask: SIMDMask<SIMD8<Int32>>) -> Bool {
        let v = unsafeBitCast(mask, to: SIMD8<Int32>.self)
        let w = v.lowHalf | v.highHalf
        return (w[0] | w[1] | w[2] | w[3]) != 0
    }

    /// Whether rounding this double sum to float may differ from rounding the exact sum.
    @inline(__always)
    static func isDoubtful(_ sum: Double, _ rounded: Float) -> Bool {
        (sum.bitPattern & 0x1FFF_FFFF == 0x1000_0000) || (rounded.magnitude < Float.leastNormalMagnitude && rounded != 0)
    }
}
