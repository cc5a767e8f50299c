import BigInt
import Foundation

/// Number and string formatting: float repr, the format-spec mini-language
/// (`format()`, f-strings, `str.format`) and `%`-formatting.
/// Kept in one place so it can be switched to the `PyLib` implementations.
enum TextFormatting {
    /// Shortest round-trip repr (`0.1`, `1e-05`, `1e+16`, `inf`). Swift's description follows
    /// the same digit and exponent rules as CPython's `float_repr`.
    static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        return d.description
    }

    /// `printf`-style formatting of one double (exact, round-half-even on the binary value).
    static func cFormat(_ d: Double, _ format: String) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let n = withVaList([d]) { vsnprintf(&buffer, buffer.count, format, $0) }
        if n >= buffer.count {
            buffer = [CChar](repeating: 0, count: Int(n) + 1)
            _ = withVaList([d]) { vsnprintf(&buffer, buffer.count, format, $0) }
        }
        return String(cString: buffer)
    }

    /// A parsed format spec: `[[fill]align][sign][#][0][width][,|_][.precision][type]`.
    struct Spec {
        var fill: Character = " "
        var align: Character? = nil
        var sign: Character = "-"
        var alternate = false
        var zeroPad = false
        var width = 0
        var grouping: Character? = nil
        var precision: Int? = nil
        var type: Character? = nil

        init(_ text: String) throws {
            var chars = Array(text)
            var i = 0
            func peek(_ k: Int = 0) -> Character? { i + k < chars.count ? chars[i + k] : nil }
            if let a = peek(1), "<>=^".contains(a) {
                fill = chars[0]
                align = a
                i = 2
            } else if let a = peek(), "<>=^".contains(a) {
                align = a
                i = 1
            }
            if let s = peek(), "+- ".contains(s) { sign = s; i += 1 }
            if peek() == "z" { i += 1 }
            if peek() == "#" { alternate = true; i += 1 }
            if peek() == "0" {
                zeroPad = true
                i += 1
            }
            var digits = ""
            while let c = peek(), c.isASCII, c.isNumber { digits.append(c); i += 1 }
            if !digits.isEmpty {
                guard let w = Int(digits), w < 100_000_000 else { throw PyError(.valueError, "Too many decimal digits in format string") }
                width = w
            }
            if let g = peek(), g == "," || g == "_" { grouping = g; i += 1 }
            if peek() == "." {
                i += 1
                var p = ""
                while let c = peek(), c.isASCII, c.isNumber { p.append(c); i += 1 }
                guard !p.isEmpty else { throw PyError(.valueError, "Format specifier missing precision") }
                guard let v = Int(p), v < 100_000_000 else { throw PyError(.valueError, "Too many decimal digits in format string") }
                precision = v
            }
            if let t = peek() { type = t; i += 1 }
            if i < chars.count { throw PyError(.valueError, "Invalid format specifier '\(text)' for object of type '{type}'") }
            chars.removeAll()
        }
    }

    /// Pads `body` (with its sign already split off) to the spec's width.
    static func pad(_ body: String, sign: String = "", spec: Spec, defaultAlign: Character) -> String {
        let align = spec.align ?? (spec.zeroPad ? "=" : defaultAlign)
        let fill: Character = spec.align == nil && spec.zeroPad ? "0" : spec.fill
        let length = sign.count + body.count
        guard spec.width > length else { return sign + body }
        let padding = spec.width - length
        switch align {
        case "<": return sign + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + sign + body + String(repeating: fill, count: padding - left)
        case "=": return sign + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + sign + body
        }
    }

    static func group(_ digits: String, _ separator: Character, every n: Int = 3) -> String {
        var out: [Character] = []
        for (k, c) in digits.reversed().enumerated() {
            if k > 0 && k % n == 0 { out.append(separator) }
            out.append(c)
        }
        return String(out.reversed())
    }

    static func signText(_ negative: Bool, _ spec: Spec) -> String {
        if negative { return "-" }
        switch spec.sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    static func formatInt(_ b: BigInt, _ spec: Spec) throws -> String {
        let type = spec.type ?? "d"
        if "eEfFgG%".contains(type) { return try formatFloat(Double(b), spec) }
        if spec.precision != nil { throw PyError(.valueError, "Precision not allowed in integer format specifier") }
        let magnitude = b.magnitude
        var body: String
        var prefix = ""
        switch type {
        case "d", "n": body = String(magnitude)
        case "x": body = String(magnitude, radix: 16); prefix = "0x"
        case "X": body = String(magnitude, radix: 16, uppercase: true); prefix = "0X"
        case "o": body = String(magnitude, radix: 8); prefix = "0o"
        case "b": body = String(magnitude, radix: 2); prefix = "0b"
        case "c":
            guard let s = Unicode.Scalar(UInt32(truncatingIfNeeded: Int(b))), b.sign != .minus else {
                throw PyError(.overflowError, "%c arg not in range(0x110000)")
            }
            return pad(String(Character(s)), spec: spec, defaultAlign: "<")
        default:
            throw PyError(.valueError, "Unknown format code '\(type)' for object of type 'int'")
        }
        if let g = spec.grouping { body = group(body, g, every: type == "d" || type == "n" ? 3 : 4) }
        let sign = signText(b.sign == .minus && !magnitude.isZero, spec) + (spec.alternate ? prefix : "")
        if spec.zeroPad && spec.align == nil, let g = spec.grouping, spec.width > sign.count + body.count {
            // Zero padding also gets group separators, like CPython.
            var digits = String(magnitude, radix: type == "d" || type == "n" ? 10 : 16)
            while group(digits, g).count + sign.count < spec.width { digits = "0" + digits }
            body = group(digits, g)
        }
        return pad(body, sign: sign, spec: spec, defaultAlign: ">")
    }

    static func formatFloat(_ value: Double, _ spec: Spec) throws -> String {
        var type = spec.type
        let negative = value.sign == .minus && !(value.isNaN)
        let magnitude = abs(value)
        var body: String
        if type == nil && spec.precision == nil {
            body = floatRepr(magnitude)
        } else {
            var d = magnitude
            var suffix = ""
            if type == "%" { d *= 100; suffix = "%"; type = "f" }
            let precision = spec.precision ?? 6
            if d.isNaN || d.isInfinite {
                body = d.isNaN ? "nan" : "inf"
                if let t = type, t.isUppercase { body = body.uppercased() }
            } else {
                switch type {
                case "f"?, "F"?:
                    body = cFormat(d, "%\(spec.alternate ? "#" : "").\(precision)f")
                case "e"?, "E"?:
                    body = cFormat(d, "%\(spec.alternate ? "#" : "").\(precision)\(type!)")
                case "g"?, "G"?, "n"?:
                    body = cFormat(d, "%\(spec.alternate ? "#" : "").\(precision == 0 ? 1 : precision)\(type == "G" ? "G" : "g")")
                case nil:
                    // Like 'g', but fixed notation keeps at least one digit after the point.
                    body = cFormat(d, "%.\(precision == 0 ? 1 : precision)g")
                    if !body.contains("e") && !body.contains(".") { body += ".0" }
                default:
                    throw PyError(.valueError, "Unknown format code '\(type!)' for object of type 'float'")
                }
            }
            body += suffix
        }
        if let g = spec.grouping {
            let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            let intPart = String(parts[0])
            if intPart.allSatisfy({ $0.isNumber }) {
                body = group(intPart, g) + (parts.count > 1 ? "." + parts[1] : "")
            }
        }
        return pad(body, sign: signText(negative, spec), spec: spec, defaultAlign: ">")
    }

    static func formatString(_ s: String, _ spec: Spec) throws -> String {
        if let t = spec.type, t != "s" {
            throw PyError(.valueError, "Unknown format code '\(t)' for object of type 'str'")
        }
        if spec.sign != "-" { throw PyError(.valueError, "Sign not allowed in string format specifier") }
        if spec.align == "=" { throw PyError(.valueError, "'=' alignment not allowed in string format specifier") }
        var body = s
        if let p = spec.precision, p < s.unicodeScalars.count { body = String(scalars: s.unicodeScalars.prefix(p)) }
        return pad(body, spec: spec, defaultAlign: "<")
    }
}

extension Interpreter {
    /// `format(v, spec)`: `__format__` of user/native classes, else the builtin mini-language.
    public func formatValue(_ v: Value, _ spec: String) throws -> String {
        if case .object(let o) = v, o is PyInstance, let method = v.pyType.lookup(.dunderFormat), !method.isIdentical(to: PyType.objectFormat) {
            let r = try callDescriptor(method, v, Arguments([.string(spec)]))
            guard case .str(let s) = r else { throw PyError(.typeError, "__format__ must return a str, not \(r.typeName)") }
            return s.value
        }
        if spec.isEmpty { return try str(v) }
        let parsed: TextFormatting.Spec
        do {
            parsed = try TextFormatting.Spec(spec)
        } catch let e as PyError {
            let message = (try? exceptionMessage(e.exception)) ?? ""
            throw PyError(.valueError, message.replacingOccurrences(of: "{type}", with: v.typeName))
        }
        try checkSize(parsed.width, "string")
        switch v {
        case .bool(let b): return try TextFormatting.formatInt(b ? 1 : 0, parsed)
        case .int(let i): return try TextFormatting.formatInt(BigInt(i), parsed)
        case .float(let d): return try TextFormatting.formatFloat(d, parsed)
        case .str(let s): return try TextFormatting.formatString(s.value, parsed)
        case .object(let o):
            if let b = o as? PyBigInt { return try TextFormatting.formatInt(b.value, parsed) }
        default: break
        }
        throw PyError(.typeError, "unsupported format string passed to \(v.typeName).__format__")
    }

    /// `fmt % args`.
    public func percentFormat(_ fmt: String, _ args: Value) throws -> String {
        let chars = Array(fmt.unicodeScalars)
        var values: [Value]
        var mapping: Value? = nil
        if case .object(let o) = args, let t = o as? PyTuple {
            values = t.items
        } else {
            values = [args]
            if case .object(let o) = args, o is PyDict || (o is PyInstance && args.pyType.lookup(.dunderGetitem) != nil) {
                mapping = args
            }
        }
        var next = 0
        var out = ""
        var i = 0
        func take() throws -> Value {
            guard next < values.count else { throw PyError(.typeError, "not enough arguments for format string") }
            defer { next += 1 }
            return values[next]
        }
        var usedMapping = false
        while i < chars.count {
            let c = chars[i]
            if c != "%" { out.unicodeScalars.append(c); i += 1; continue }
            let start = i
            i += 1
            guard i < chars.count else { throw PyError(.valueError, "incomplete format") }
            var key: Value? = nil
            if chars[i] == "(" {
                var depth = 1
                var name = String.UnicodeScalarView()
                i += 1
                while i < chars.count {
                    if chars[i] == "(" { depth += 1 } else if chars[i] == ")" { depth -= 1; if depth == 0 { break } }
                    name.append(chars[i])
                    i += 1
                }
                guard i < chars.count else { throw PyError(.valueError, "incomplete format key") }
                i += 1
                guard let m = mapping else { throw PyError(.typeError, "format requires a mapping") }
                key = try getItem(m, .string(String(name)))
                usedMapping = true
            }
            var flags = ""
            while i < chars.count, "-+ #0".unicodeScalars.contains(chars[i]) { flags.unicodeScalars.append(chars[i]); i += 1 }
            var width = ""
            if i < chars.count && chars[i] == "*" {
                width = String(try indexValue(try take()))
                i += 1
            } else {
                while i < chars.count, chars[i].properties.numericType != nil, chars[i].isASCII { width.unicodeScalars.append(chars[i]); i += 1 }
            }
            var precision: String? = nil
            if i < chars.count && chars[i] == "." {
                i += 1
                var p = ""
                if i < chars.count && chars[i] == "*" {
                    p = String(try indexValue(try take()))
                    i += 1
                } else {
                    while i < chars.count, chars[i].properties.numericType != nil, chars[i].isASCII { p.unicodeScalars.append(chars[i]); i += 1 }
                }
                precision = p.isEmpty ? "0" : p
            }
            while i < chars.count, "hlL".unicodeScalars.contains(chars[i]) { i += 1 }
            guard i < chars.count else { throw PyError(.valueError, "incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" { out += "%"; continue }
            let value = try key ?? take()
            var spec = ""
            if flags.contains("-") { spec += "<" } else if flags.contains("0") && "diouxXeEfFgG".unicodeScalars.contains(type) { spec += "=" ; spec = "0=" } else { spec += ">" }
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            spec += width
            let text: String
            switch type {
            case "s": text = try TextFormatting.formatString(try str(value), try TextFormatting.Spec(spec.filter { $0 != "+" && $0 != " " && $0 != "#" } + (precision.map { "." + $0 } ?? "")))
            case "r", "a":
                let r = type == "a" ? asciiEscaped(try repr(value)) : try repr(value)
                text = try TextFormatting.formatString(r, try TextFormatting.Spec(spec.filter { $0 != "+" && $0 != " " && $0 != "#" } + (precision.map { "." + $0 } ?? "")))
            case "d", "i", "u":
                guard let n = try percentInteger(value, type) else {
                    throw PyError(.typeError, "%\(type) format: a real number is required, not \(value.typeName)")
                }
                text = try TextFormatting.formatInt(n, try TextFormatting.Spec(spec + "d"))
            case "x", "X", "o":
                var asInt = IntMath.big(value)
                if asInt == nil && value.instance != nil { asInt = IntMath.big(.int(try indexValue(value))) }
                guard let n = asInt else {
                    throw PyError(.typeError, "%\(type) format: an integer is required, not \(value.typeName)")
                }
                text = try TextFormatting.formatInt(n, try TextFormatting.Spec(spec + String(type)))
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                do { d = try toDouble(value) } catch let e as PyError where e.type.isSubtype(of: .typeError) {
                    throw PyError(.typeError, "must be real number, not \(value.typeName)")
                }
                text = try TextFormatting.formatFloat(d, try TextFormatting.Spec(spec + "." + (precision ?? "6") + String(type)))
            case "c":
                if case .str(let s) = value, s.count == 1 { text = s.value }
                else if let n = IntMath.big(value) { text = try TextFormatting.formatInt(n, try TextFormatting.Spec("c")) }
                else { throw PyError(.typeError, "%c requires int or char") }
            default:
                let hex = String(type.value, radix: 16)
                throw PyError(.valueError, "unsupported format character '\(Character(type))' (0x\(hex)) at index \(i - 1)")
            }
            _ = start
            out += text
            try checkSize(out.utf8.count, "string")
        }
        if next < values.count && !usedMapping && mapping == nil {
            throw PyError(.typeError, "not all arguments converted during string formatting")
        }
        return out
    }

    private func percentInteger(_ v: Value, _ type: Unicode.Scalar) throws -> BigInt? {
        if let b = IntMath.big(v) { return b }
        if case .float(let d) = v, let i = IntMath.big(try IntMath.fromDouble(d)) { return i }
        if case .object(let o) = v, o is PyInstance {
            if v.pyType.lookup(.dunderInt) != nil, let i = IntMath.big(try callMethod(v, "__int__")) { return i }
            if v.pyType.lookup(.dunderIndex) != nil { return BigInt(try indexValue(v)) }
            if v.pyType.lookup(.dunderFloat) != nil, let i = IntMath.big(try IntMath.fromDouble(try toDouble(v))) { return i }
        }
        return nil
    }
}
