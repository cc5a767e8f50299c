import BigInt

/// `round()` on floats (CPython's `float.__round__` / `double_round`).
extension PyFloatFormat {
    /// `round(x, digits)`: the exact binary value rounded half-to-even at
    /// decimal place `digits` (negative: tens, hundreds, …), then read back
    /// as the nearest double. OverflowError when the result leaves the float
    /// range (`round(1.7e308, -308)`).
    public static func round(_ x: Double, digits: Int) throws(PyFormatError) -> Double {
        guard x.isFinite else { return x }
        // Beyond these, every double rounds to itself or to a signed zero.
        if digits > 323 { return x }
        if digits < -308 { return 0.0 * x }
        let decimal: String
        if digits >= 0 {
            // glibc's printf rounds the exact value half-to-even, like dtoa mode 3.
            let rounded = PyDecimalDigits.fractional(x, count: digits)
            decimal = String(decoding: rounded.digits, as: UTF8.self) + "e\(rounded.point - rounded.digits.count)"
        } else {
            decimal = "\(roundedMultiple(x.magnitude, tenPower: -digits))e\(-digits)"
        }
        guard let magnitude = Double(decimal) else { return x }
        if magnitude.isInfinite { throw .overflowError("rounded value too large to represent") }
        return x.sign == .minus ? -magnitude : magnitude
    }

    /// |x| / 10^k rounded half-to-even to an integer, exactly.
    private static func roundedMultiple(_ x: Double, tenPower k: Int) -> BigUInt {
        let bits = x.bitPattern
        let exponentField = Int((bits >> 52) & 0x7FF)
        let fraction = bits & (1 << 52 - 1)
        let mantissa = BigUInt(exponentField == 0 ? fraction : fraction | 1 << 52)
        let exponent = exponentField == 0 ? -1074 : exponentField - 1075
        var numerator = mantissa
        var denominator = BigUInt(10).power(k)
        if exponent >= 0 { numerator <<= exponent } else { denominator <<= -exponent }
        var (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator)
        let twice = remainder << 1
        if twice > denominator || (twice == denominator && quotient[bitAt: 0]) { quotient += 1 }
        return quotient
    }

    /// `round(x)` with no digits: the nearest int, ties to even.
    public static func roundToInteger(_ x: Double) throws(PyFormatError) -> BigInt {
        try PyNumberConversion.integer(x.rounded(.toNearestOrEven))
    }
}
