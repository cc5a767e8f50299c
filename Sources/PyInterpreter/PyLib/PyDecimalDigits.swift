#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A finite double's magnitude as decimal digits, in the convention of
/// David Gay's `dtoa` that CPython formats from: value = 0.d₁d₂…dₙ × 10^point.
/// Digits carry no leading or trailing zeros; zero is `"0"` with point 1.
struct PyDecimalDigits: Equatable {
    var digits: [UInt8]
    var point: Int

    var isZero: Bool { digits == [UInt8(ascii: "0")] }

    /// The shortest digits that round-trip (`repr`), taken from Swift's
    /// `description`, which is also shortest and closest.
    static func shortest(_ x: Double) -> PyDecimalDigits {
        parse(Array(x.magnitude.description.utf8))
    }

    /// `count` significant digits, correctly rounded half-even on the exact
    /// binary value (glibc's printf, like dtoa mode 2).
    static func significant(_ x: Double, count: Int) -> PyDecimalDigits {
        parse(cFormat("%.*e", Int32(clamping: count - 1), x.magnitude))
    }

    /// Rounded to `count` places after the point (dtoa mode 3).
    static func fractional(_ x: Double, count: Int) -> PyDecimalDigits {
        parse(cFormat("%.*f", Int32(clamping: count), x.magnitude))
    }

    /// Reads `ddd.ddd[e±dd]` as printf and Swift write it.
    private static func parse(_ text: [UInt8]) -> PyDecimalDigits {
        var digits: [UInt8] = []
        digits.reserveCapacity(text.count)
        var integerDigits = 0
        var seenPoint = false
        var exponent = 0
        var index = 0
        while index < text.count {
            let c = text[index]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digits.append(c)
                if !seenPoint { integerDigits += 1 }
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: text[(index + 1)...], as: UTF8.self)) ?? 0
                break
            } else {
                // The radix character: "." in the C locale, but whatever a
                // foreign LC_NUMERIC makes printf write, it is not a digit.
                seenPoint = true
            }
            index += 1
        }
        guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }),
              let last = digits.lastIndex(where: { $0 != UInt8(ascii: "0") })
        else { return PyDecimalDigits(digits: [UInt8(ascii: "0")], point: 1) }
        return PyDecimalDigits(digits: Array(digits[first...last]), point: integerDigits - first + exponent)
    }
}

/// printf with one `Int32` and one `Double` argument, into ASCII bytes.
/// `snprintf` is not callable from Swift, so this goes through `vsnprintf`.
func cFormat(_ format: String, _ count: Int32, _ value: Double) -> [UInt8] {
    var small = [CChar](repeating: 0, count: 128)
    let length = Int(withVaList([count, value]) { vsnprintf(&small, small.count, format, $0) })
    if length < small.count {
        return small[0..<length].map { UInt8(bitPattern: $0) }
    }
    var large = [CChar](repeating: 0, count: length + 1)
    _ = withVaList([count, value]) { vsnprintf(&large, large.count, format, $0) }
    return large[0..<length].map { UInt8(bitPattern: $0) }
}
