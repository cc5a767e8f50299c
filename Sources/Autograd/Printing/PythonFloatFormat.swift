#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python's `format(x, ".Nf")` and `format(x, ".Ne")` for a double.
///
/// Both Python and glibc print the exact binary value rounded half to even, so
/// `vsnprintf` gives Python's digits (Foundation's `String(format:)` is not
/// guaranteed to). Only non-finite values differ: Python never signs a NaN.
enum PythonFloatFormat {
    static func fixed(_ value: Double, precision: Int) -> String {
        format(value, precision: precision, spec: "%.*f")
    }

    static func scientific(_ value: Double, precision: Int) -> String {
        format(value, precision: precision, spec: "%.*e")
    }

    private static func format(_ value: Double, precision: Int, spec: String) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        // A negative precision is a Python error the caller reports; never pass one to C.
        let digits = Int32(clamping: max(0, min(precision, 1000)))
        // Most results fit on the stack; %.Nf of a huge double needs ~310 + N bytes.
        if let short = render(value, digits: digits, spec: spec, capacity: 128).text {
            return short
        }
        let needed = render(value, digits: digits, spec: spec, capacity: 1).length
        return render(value, digits: digits, spec: spec, capacity: needed + 1).text ?? ""
    }

    private static func render(
        _ value: Double, digits: Int32, spec: String, capacity: Int
    ) -> (text: String?, length: Int) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: capacity) { buffer in
            guard let start = buffer.baseAddress else { return (nil, 0) }
            let written = spec.withCString { cSpec in
                withVaList([digits, value]) { vsnprintf(start, capacity, cSpec, $0) }
            }
            let length = Int(written)
            guard length >= 0, length < capacity else { return (nil, max(length, 0)) }
            return (String(cString: start), length)
        }
    }
}
