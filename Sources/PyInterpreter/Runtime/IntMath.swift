import BigInt
import Foundation

/// Python int arithmetic: `Int` fast paths that fall back to `BigInt` on
/// overflow, floor division and modulo with Python's sign rules, and a size
/// cap so `10**10**10` fails fast instead of hanging.
enum IntMath {
    /// Largest int result, in bits (about 1.2 million decimal digits).
    static let maxBits = 4_000_000

    static func big(_ v: Value) -> BigInt? {
        switch v {
        case .int(let i): return BigInt(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return (o as? PyBigInt)?.value
        default: return nil
        }
    }

    static func checked(_ b: BigInt) throws -> Value {
        if b.bitWidth > maxBits { throw PyError(.memoryError, "integer result too large (more than \(maxBits) bits)") }
        return .integer(b)
    }

    static func add(_ a: BigInt, _ b: BigInt) throws -> Value { try checked(a + b) }
    static func subtract(_ a: BigInt, _ b: BigInt) throws -> Value { try checked(a - b) }
    static func multiply(_ a: BigInt, _ b: BigInt) throws -> Value {
        if a.bitWidth + b.bitWidth > maxBits + 64 { throw PyError(.memoryError, "integer result too large (more than \(maxBits) bits)") }
        return try checked(a * b)
    }

    static func floorDivide(_ a: Int, _ b: Int) throws -> Value {
        if b == 0 { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
        if a == Int.min && b == -1 { return .integer(-BigInt(a)) }
        var q = a / b
        if a % b != 0 && ((a < 0) != (b < 0)) { q -= 1 }
        return .int(q)
    }
    static func modulo(_ a: Int, _ b: Int) throws -> Value {
        if b == 0 { throw PyError(.zeroDivisionError, "integer modulo by zero") }
        if b == -1 { return .int(0) }
        var r = a % b
        if r != 0 && ((r < 0) != (b < 0)) { r += b }
        return .int(r)
    }
    static func floorDivide(_ a: BigInt, _ b: BigInt) throws -> Value {
        if b.isZero { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
        var (q, r) = a.quotientAndRemainder(dividingBy: b)
        if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) { q -= 1 }
        return .integer(q)
    }
    static func modulo(_ a: BigInt, _ b: BigInt) throws -> Value {
        if b.isZero { throw PyError(.zeroDivisionError, "integer modulo by zero") }
        var r = a % b
        if !r.isZero && ((r.sign == .minus) != (b.sign == .minus)) { r += b }
        return .integer(r)
    }

    static func trueDivide(_ a: BigInt, _ b: BigInt) throws -> Value {
        if b.isZero { throw PyError(.zeroDivisionError, "division by zero") }
        if a.magnitude.bitWidth <= 53 && b.magnitude.bitWidth <= 53 {
            return .float(Double(a) / Double(b))
        }
        // Scale so the quotient has 64+ significant bits, then let Double round it.
        let shift = Swift.max(0, 66 - (a.magnitude.bitWidth - b.magnitude.bitWidth))
        let q = (a << shift) / b
        let result = Double(q) * pow(2.0, Double(-shift))
        if result.isInfinite { throw PyError(.overflowError, "integer division result too large for a float") }
        return .float(result)
    }

    static func power(_ base: BigInt, _ exponent: Int) throws -> Value {
        if exponent == 0 { return .int(1) }
        let magnitude = base.magnitude
        if magnitude <= 1 {
            if magnitude.isZero { return .int(0) }
            return .int(base.sign == .minus && exponent % 2 == 1 ? -1 : 1)
        }
        let estimated = Double(magnitude.bitWidth - 1) * Double(exponent)
        if estimated > Double(maxBits) { throw PyError(.memoryError, "integer result too large (more than \(maxBits) bits)") }
        return try checked(base.power(exponent))
    }

    static func intPower(_ a: Int, _ b: Int) throws -> Value {
        if b < 0 {
            if a == 0 { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(Double(a), Double(b)))
        }
        var result = 1, base = a, e = b
        var overflow = false
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: base)
                if o { overflow = true; break }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = base.multipliedReportingOverflow(by: base)
                if o { overflow = true; break }
                base = sq
            }
        }
        if !overflow { return .int(result) }
        return try power(BigInt(a), b)
    }

    static func modPow(_ base: BigInt, _ exponent: BigInt, _ modulus: BigInt) throws -> Value {
        if modulus.isZero { throw PyError(.valueError, "pow() 3rd argument cannot be 0") }
        var b = base, e = exponent
        if e.sign == .minus {
            guard let inv = b.inverse(modulus.magnitude.isZero ? 1 : BigInt(modulus.magnitude)) else {
                throw PyError(.valueError, "base is not invertible for the given modulus")
            }
            b = inv
            e = -e
        }
        var r = b.power(e, modulus: BigInt(modulus.magnitude))
        if !r.isZero && modulus.sign == .minus { r += modulus }
        if r.sign == .minus && modulus.sign != .minus { r += modulus }
        return .integer(r)
    }

    static func leftShift(_ a: BigInt, _ n: BigInt) throws -> Value {
        if n.sign == .minus { throw PyError(.valueError, "negative shift count") }
        guard let k = Int(exactly: n), k + a.bitWidth <= maxBits else {
            if a.isZero { return .int(0) }
            throw PyError(.memoryError, "integer result too large (more than \(maxBits) bits)")
        }
        return .integer(a << k)
    }
    static func rightShift(_ a: BigInt, _ n: BigInt) throws -> Value {
        if n.sign == .minus { throw PyError(.valueError, "negative shift count") }
        guard let k = Int(exactly: n), k < a.bitWidth + 1 else { return .int(a.sign == .minus ? -1 : 0) }
        return .integer(a >> k)
    }

    /// Exact conversion for `float(int)`.
    static func toDouble(_ b: BigInt) throws -> Double {
        let d = Double(b)
        if d.isInfinite { throw PyError(.overflowError, "int too large to convert to float") }
        return d
    }

    /// `int(x)` of a float: truncates; errors for inf/nan.
    static func fromDouble(_ d: Double) throws -> Value {
        if d.isNaN { throw PyError(.valueError, "cannot convert float NaN to integer") }
        if d.isInfinite { throw PyError(.overflowError, "cannot convert float infinity to integer") }
        let t = d.rounded(.towardZero)
        if let i = Int(exactly: t) { return .int(i) }
        return .integer(BigInt(t))
    }

    /// Compares an int with a float exactly (as CPython does).
    static func compare(_ i: BigInt, _ d: Double) -> Int? {
        if d.isNaN { return nil }
        if d.isInfinite { return d > 0 ? -1 : 1 }
        let t = d.rounded(.down)
        let ti = BigInt(t)
        if i < ti { return -1 }
        if i > ti { return 1 }
        return t == d ? 0 : -1
    }
}
