import BigInt

/// Python's int <-> float conversions with their exceptions.
enum PyNumberConversion {
    /// `float(n)`: correctly rounded (half to even); OverflowError past the
    /// float range.
    static func double(_ n: BigInt) throws(PyFormatError) -> Double {
        let magnitude = n.magnitude
        let width = magnitude.bitWidth
        var value: Double
        if width <= 64 {
            value = Double(UInt64(magnitude))  // one IEEE rounding
        } else {
            // Keep 53 bits, round the rest half to even by hand.
            let shift = width - 53
            var top = UInt64(magnitude >> shift)
            let rest = magnitude - (BigUInt(top) << shift)
            let half = BigUInt(1) << (shift - 1)
            if rest > half || (rest == half && top & 1 == 1) { top += 1 }
            value = Double(sign: .plus, exponent: shift, significand: Double(top))
        }
        if value.isInfinite { throw .overflowError("int too large to convert to float") }
        return n.sign == .minus ? -value : value
    }

    /// `int(x)`: truncation toward zero.
    static func integer(_ x: Double) throws(PyFormatError) -> BigInt {
        if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
        if x.isInfinite { throw .overflowError("cannot convert float infinity to integer") }
        return BigInt(x.rounded(.towardZero))
    }
}
