import BigInt

extension PyType {
    public static let int: PyType = {
        let t = PyType(builtin: "int", base: .object, factory: .builtin({ interp, _, args in
            try NumberParsing.intConstructor(interp, args)
        }))
        t.method("bit_length") { _, this, _ in
            guard let b = IntMath.big(this) else { return .int(0) }
            return .int(b.magnitude.bitWidth)
        }
        t.method("conjugate") { _, this, _ in this }
        t.method("__index__") { interp, this, _ in .int(try interp.indexValue(this)) }
        t.method("__int__") { _, this, _ in this }
        t.method("__float__") { interp, this, _ in .float(try interp.toDouble(this)) }
        t.method("is_integer") { _, _, _ in .bool(true) }
        return t
    }()

    public static let bool: PyType = {
        PyType(builtin: "bool", base: .int, factory: .builtin({ interp, _, args in
            if !args.keywords.isEmpty { throw PyError(.typeError, "bool() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError(.typeError, "bool expected at most 1 argument, got \(args.positional.count)") }
            guard let v = args.positional.first else { return .bool(false) }
            return .bool(try interp.isTruthy(v))
        }))
    }()

    public static let float: PyType = {
        let t = PyType(builtin: "float", base: .object, factory: .builtin({ interp, _, args in
            if !args.keywords.isEmpty { throw PyError(.typeError, "float() takes no keyword arguments") }
            if args.positional.count > 1 { throw PyError(.typeError, "float expected at most 1 argument, got \(args.positional.count)") }
            guard let v = args.positional.first else { return .float(0) }
            if case .str(let s) = v { return .float(try NumberParsing.parseFloat(s.value)) }
            switch v {
            case .int, .bool, .float: return .float(try interp.toDouble(v))
            case .object(let o) where o is PyBigInt || o is PyInstance:
                if o is PyInstance && v.pyType.lookup(.dunderFloat) == nil && v.pyType.lookup(.dunderIndex) == nil {
                    break
                }
                return .float(try interp.toDouble(v))
            default: break
            }
            throw PyError(.typeError, "float() argument must be a string or a real number, not '\(v.typeName)'")
        }))
        t.method("is_integer") { _, this, _ in
            guard case .float(let d) = this else { return .bool(false) }
            return .bool(d.isFinite && d == d.rounded())
        }
        t.method("conjugate") { _, this, _ in this }
        t.method("as_integer_ratio") { _, this, _ in
            guard case .float(let d) = this else { return .none }
            if d.isNaN { throw PyError(.valueError, "cannot convert NaN to integer ratio") }
            if d.isInfinite { throw PyError(.overflowError, "cannot convert Infinity to integer ratio") }
            var numerator = BigInt(d.significandBitPattern | (d.isNormal ? (1 << 52) : 0))
            var exponent = Int(d.exponent) - 52
            if !d.isNormal { exponent = -1074 }
            if d == 0 { return .tuple([.int(0), .int(1)]) }
            var denominator = BigInt(1)
            if exponent > 0 { numerator <<= exponent } else { denominator <<= -exponent }
            let g = numerator.greatestCommonDivisor(with: denominator)
            numerator /= g
            denominator /= g
            if d < 0 { numerator = -numerator }
            return .tuple([.integer(numerator), .integer(denominator)])
        }
        t.method("__float__") { _, this, _ in this }
        t.method("__int__") { _, this, _ in
            guard case .float(let d) = this else { return this }
            return try IntMath.fromDouble(d)
        }
        return t
    }()
}

/// `int(...)`, `float(str)` parsing with CPython's accepted syntax and messages.
enum NumberParsing {
    static let maxStringDigits = 4300

    static func intConstructor(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let sig = NativeSignature("int", .init("x", default: .int(0)), .init("base", default: .none))
        let a = try sig.bind(args)
        let x = a["x"]
        if let baseValue = a.optional("base") {
            let base = try interp.indexValue(baseValue)
            guard case .str(let s) = x else {
                throw PyError(.typeError, "int() can't convert non-string with explicit base")
            }
            if base != 0 && (base < 2 || base > 36) { throw PyError(.valueError, "int() base must be >= 2 and <= 36, or 0") }
            return try parseInt(s.value, base: base)
        }
        switch x {
        case .int: return x
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d): return try IntMath.fromDouble(d)
        case .str(let s): return try parseInt(s.value, base: 10)
        case .object(let o):
            if o is PyBigInt { return x }
            if o is PyInstance {
                for name in ["__int__", "__index__", "__trunc__"] where x.pyType.lookup(Symbol.intern(name)) != nil {
                    let r = try interp.callMethod(x, name)
                    guard IntMath.big(r) != nil else {
                        throw PyError(.typeError, "\(name) returned non-int (type \(r.typeName))")
                    }
                    if case .bool(let b) = r { return .int(b ? 1 : 0) }
                    return r
                }
            }
        default: break
        }
        throw PyError(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
    }

    static func parseInt(_ text: String, base: Int) throws -> Value {
        func invalid() -> PyError {
            PyError(.valueError, "invalid literal for int() with base \(base): \(Interpreter.quoted(text))")
        }
        var s = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var negative = false
        if let c = s.first, c == "+" || c == "-" {
            negative = c == "-"
            s = s.dropFirst()
        }
        var radix = base
        let lower = s.lowercased()
        func hasPrefix(_ p: String) -> Bool { lower.hasPrefix(p) }
        if (radix == 16 || radix == 0) && hasPrefix("0x") { radix = 16; s = s.dropFirst(2); if s.first == "_" { s = s.dropFirst() } }
        else if (radix == 8 || radix == 0) && hasPrefix("0o") { radix = 8; s = s.dropFirst(2); if s.first == "_" { s = s.dropFirst() } }
        else if (radix == 2 || radix == 0) && hasPrefix("0b") { radix = 2; s = s.dropFirst(2); if s.first == "_" { s = s.dropFirst() } }
        else if radix == 0 {
            radix = 10
            if s.count > 1, s.first == "0", s.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid() }
        }
        guard !s.isEmpty, s.first != "_", s.last != "_", !s.contains("__") else { throw invalid() }
        let digits = s.filter { $0 != "_" }
        if radix == 10 && digits.count > maxStringDigits {
            throw PyError(.valueError, "Exceeds the limit (\(maxStringDigits) digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        guard digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isLetter) }) else { throw invalid() }
        if let v = Int(digits, radix: radix) { return .int(negative ? -v : v) }
        guard let b = BigInt(digits, radix: radix) else { throw invalid() }
        return .integer(negative ? -b : b)
    }

    static func parseFloat(_ text: String) throws -> Double {
        guard let d = PyFloatFormat.parse(text) else {
            throw PyError(.valueError, "could not convert string to float: \(Interpreter.quoted(text))")
        }
        return d
    }
}
