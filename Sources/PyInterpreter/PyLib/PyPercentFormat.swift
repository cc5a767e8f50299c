import BigInt

/// `template % args` for str templates (CPython's `PyUnicode_Format`):
/// `%[(key)][flags][width][.precision][h|l|L]type` with types
/// `s r a d i u o x X e E f F g G c %`, flags `- + space # 0`, and `*`.
///
/// Errors from the interpreter's conversion closures propagate unchanged;
/// formatting errors are `PyFormatError`s with CPython's messages.
public enum PyPercentFormat {
    /// `template % tuple(args)`.
    public static func format(_ template: String, _ args: [PyPercentArg]) throws -> String {
        try format(template, operand: .tuple(args))
    }

    public static func format(_ template: String, operand: PyPercentOperand) throws -> String {
        var formatter = PercentFormatter(template: Array(template.unicodeScalars), operand: operand)
        return try formatter.run()
    }
}

/// One conversion specifier after parsing.
private struct PercentSpec {
    var leftJustify = false
    var sign = false  // +
    var blank = false  // space
    var alternate = false  // #
    var zero = false  // 0
    var width = -1
    var precision = -1
    var type: Unicode.Scalar = "\0"
}

private struct PercentFormatter {
    let template: [Unicode.Scalar]
    var position = 0
    var out = String.UnicodeScalarView()

    // CPython's argument cursor: a tuple has arguments 0..<count; any other
    // operand is one argument (count -1, index -2 until it is taken).
    var tuple: [PyPercentArg] = []
    var single: PyPercentArg?
    var argumentCount: Int
    var argumentIndex: Int
    let lookup: ((String) throws -> PyPercentArg)?

    init(template: [Unicode.Scalar], operand: PyPercentOperand) {
        self.template = template
        switch operand {
        case .tuple(let items):
            tuple = items
            argumentCount = items.count
            argumentIndex = 0
            lookup = nil
        case .single(let value):
            single = value
            argumentCount = -1
            argumentIndex = -2
            lookup = nil
        case .mapping(let value, let lookup):
            single = value
            argumentCount = -1
            argumentIndex = -2
            self.lookup = lookup
        }
    }

    mutating func run() throws -> String {
        out.reserveCapacity(template.count + 16)
        while position < template.count {
            let c = template[position]
            position += 1
            if c != "%" {
                out.append(c)
                continue
            }
            if position < template.count && template[position] == "%" {
                out.append("%")
                position += 1
                continue
            }
            try convertOne()
        }
        if argumentIndex < argumentCount && lookup == nil {
            throw PyFormatError.typeError("not all arguments converted during string formatting")
        }
        return String(out)
    }

    mutating func nextArgument() throws -> PyPercentArg {
        guard argumentIndex < argumentCount else {
            throw PyFormatError.typeError("not enough arguments for format string")
        }
        argumentIndex += 1
        if argumentCount < 0, let single { return single }
        return tuple[argumentIndex - 1]
    }

    /// The next template character, or nil at the end ("incomplete format").
    mutating func read() -> Unicode.Scalar? {
        guard position < template.count else { return nil }
        defer { position += 1 }
        return template[position]
    }

    mutating func convertOne() throws {
        var spec = PercentSpec()
        if position < template.count && template[position] == "(" {
            try selectMappingValue()
        }
        var c = read()
        flags: while let flag = c {
            switch flag {
            case "-": spec.leftJustify = true
            case "+": spec.sign = true
            case " ": spec.blank = true
            case "#": spec.alternate = true
            case "0": spec.zero = true
            default: break flags
            }
            c = read()
        }
        if c == "*" {
            let width = try starArgument(overflow: "Python int too large to convert to C ssize_t")
            spec.width = width.magnitude > Int.max ? Int.max : Int(width.magnitude)
            if width < 0 { spec.leftJustify = true }
            c = read()
        } else if let digit = c, let value = Self.digit(digit) {
            spec.width = value
            c = read()
            while let next = c, let value = Self.digit(next) {
                if spec.width > (Int.max - value) / 10 { throw PyFormatError.valueError("width too big") }
                spec.width = spec.width * 10 + value
                c = read()
            }
        }
        if c == "." {
            spec.precision = 0
            c = read()
            if c == "*" {
                let precision = try starArgument(overflow: "Python int too large to convert to C int")
                guard let exact = Int32(exactly: precision) else {
                    throw PyFormatError.overflowError("Python int too large to convert to C int")
                }
                spec.precision = max(0, Int(exact))
                c = read()
            } else if let digit = c, let value = Self.digit(digit) {
                spec.precision = value
                c = read()
                while let next = c, let value = Self.digit(next) {
                    if spec.precision > (Int(Int32.max) - value) / 10 {
                        throw PyFormatError.valueError("precision too big")
                    }
                    spec.precision = spec.precision * 10 + value
                    c = read()
                }
            }
        }
        if c == "h" || c == "l" || c == "L" { c = read() }
        guard let type = c else { throw PyFormatError.valueError("incomplete format") }
        spec.type = type
        if spec.width > PyFormatSpec.maximumWidth || spec.precision > PyFormatSpec.maximumWidth {
            throw PyFormatError(type: "MemoryError", message: "")
        }
        let value = try nextArgument()
        try emit(value, spec)
    }

    /// `%(key)`: balanced parentheses, then the looked-up value becomes the
    /// single argument.
    mutating func selectMappingValue() throws {
        guard let lookup else { throw PyFormatError.typeError("format requires a mapping") }
        position += 1
        let keyStart = position
        var depth = 1
        while depth > 0 && position < template.count {
            if template[position] == ")" { depth -= 1 } else if template[position] == "(" { depth += 1 }
            position += 1
        }
        if depth > 0 { throw PyFormatError.valueError("incomplete format key") }
        var key = String.UnicodeScalarView()
        key.append(contentsOf: template[keyStart..<(position - 1)])
        single = try lookup(String(key))
        argumentCount = -1
        argumentIndex = -2
    }

    mutating func starArgument(overflow: String) throws -> BigInt {
        switch try nextArgument() {
        case .int(let n):
            guard Int(exactly: n) != nil else { throw PyFormatError.overflowError(overflow) }
            return n
        case .bool(let b):
            return b ? 1 : 0
        default:
            throw PyFormatError.typeError("* wants int")
        }
    }

    static func digit(_ c: Unicode.Scalar) -> Int? {
        c >= "0" && c <= "9" ? Int(c.value - 48) : nil
    }

    /// Converts one argument and writes it padded (`unicode_format_arg_output`).
    mutating func emit(_ value: PyPercentArg, _ spec: PercentSpec) throws {
        var text: [Unicode.Scalar]
        var numeric = false
        switch spec.type {
        case "s", "r", "a":
            text = Array(try Self.text(value, spec.type).unicodeScalars)
            if spec.precision >= 0 && text.count > spec.precision {
                text.removeLast(text.count - spec.precision)
            }
        case "d", "i", "u", "o", "x", "X":
            text = Array(try Self.integerText(value, spec).unicodeScalars)
            numeric = true
        case "e", "E", "f", "F", "g", "G":
            text = Array(try Self.floatText(value, spec).unicodeScalars)
            numeric = true
        case "c":
            text = [try Self.character(value)]
        default:
            let shown = spec.type.value >= 32 && spec.type.value <= 126 ? Character(spec.type) : "?"
            throw PyFormatError.valueError(
                "unsupported format character '\(shown)' (0x\(String(spec.type.value, radix: 16))) at index \(position - 1)")
        }

        var body = text[...]
        var signChar: Unicode.Scalar?
        if numeric {
            if let first = body.first, first == "-" || first == "+" {
                signChar = first
                body = body.dropFirst()
            } else if spec.sign {
                signChar = "+"
            } else if spec.blank {
                signChar = " "
            }
        }
        var prefix: ArraySlice<Unicode.Scalar> = []
        if spec.alternate && (spec.type == "x" || spec.type == "X" || spec.type == "o") {
            prefix = body.prefix(2)
            body = body.dropFirst(2)
        }
        let used = (signChar == nil ? 0 : 1) + prefix.count + body.count
        let padding = max(0, spec.width - used)
        let zeroFill = numeric && spec.zero && !spec.leftJustify
        if !zeroFill && !spec.leftJustify { out.append(contentsOf: repeatElement(" ", count: padding)) }
        if let signChar { out.append(signChar) }
        out.append(contentsOf: prefix)
        if zeroFill { out.append(contentsOf: repeatElement("0", count: padding)) }
        out.append(contentsOf: body)
        if spec.leftJustify { out.append(contentsOf: repeatElement(" ", count: padding)) }
    }

    static func text(_ value: PyPercentArg, _ type: Unicode.Scalar) throws -> String {
        let repr: String
        switch value {
        case .int(let n): repr = String(n)
        case .bool(let b): repr = b ? "True" : "False"
        case .float(let x): repr = PyFloatFormat.repr(x)
        case .str(let s):
            if type == "s" { return s }
            repr = PyStrRepr.repr(s)
        case .object(let object):
            if type == "s" { return try object.str() }
            repr = try object.repr()
        }
        return type == "a" ? PyStrRepr.ascii(fromRepr: repr) : repr
    }

    /// `_PyUnicode_FormatLong`: sign, `0x`/`0X`/`0o` for `#`, and at least
    /// `precision` digits.
    static func integerText(_ value: PyPercentArg, _ spec: PercentSpec) throws -> String {
        let type = spec.type
        let wantsIndex = type == "o" || type == "x" || type == "X"
        let wrongType = { (name: String) -> PyFormatError in
            wantsIndex
                ? .typeError("%\(Character(type)) format: an integer is required, not \(name)")
                : .typeError("%\(Character(type)) format: a real number is required, not \(name)")
        }
        let n: BigInt
        switch value {
        case .int(let v): n = v
        case .bool(let b): n = b ? 1 : 0
        case .float(let x):
            if wantsIndex { throw wrongType("float") }
            n = try PyNumberConversion.integer(x)
        case .str:
            throw wrongType("str")
        case .object(let object):
            if wantsIndex, let toIndex = object.toIndex {
                n = try toIndex()
            } else if !wantsIndex, let convert = object.toInt ?? object.toIndex {
                n = try convert()
            } else {
                throw wrongType(object.typeName)
            }
        }
        let base = type == "o" ? 8 : wantsIndex ? 16 : 10
        var digits = String(n.magnitude, radix: base, uppercase: type == "X")
        if spec.precision > digits.count {
            digits = String(repeating: "0", count: spec.precision - digits.count) + digits
        }
        var prefix = ""
        if spec.alternate && wantsIndex { prefix = type == "o" ? "0o" : type == "X" ? "0X" : "0x" }
        return (n.sign == .minus && !n.isZero ? "-" : "") + prefix + digits
    }

    static func floatText(_ value: PyPercentArg, _ spec: PercentSpec) throws -> String {
        let x: Double
        switch value {
        case .float(let v): x = v
        case .int(let n): x = try PyNumberConversion.double(n)
        case .bool(let b): x = b ? 1 : 0
        case .str: throw PyFormatError.typeError("must be real number, not str")
        case .object(let object):
            if let toFloat = object.toFloat {
                x = try toFloat()
            } else if let toIndex = object.toIndex {
                x = try PyNumberConversion.double(try toIndex())
            } else {
                throw PyFormatError.typeError("must be real number, not \(object.typeName)")
            }
        }
        let style: PyFloatFormat.Style
        switch spec.type {
        case "e", "E": style = .exponent
        case "f", "F": style = .fixed
        default: style = .general
        }
        return PyFloatFormat.string(
            x, style: style, precision: spec.precision < 0 ? 6 : spec.precision,
            uppercase: spec.type == "E" || spec.type == "F" || spec.type == "G", alternate: spec.alternate)
    }

    static func character(_ value: PyPercentArg) throws -> Unicode.Scalar {
        let code: BigInt
        switch value {
        case .str(let s):
            let scalars = s.unicodeScalars
            guard scalars.count == 1, let only = scalars.first else {
                throw PyFormatError.typeError("%c requires int or char")
            }
            return only
        case .int(let n): code = n
        case .bool(let b): code = b ? 1 : 0
        case .float: throw PyFormatError.typeError("%c requires int or char")
        case .object(let object):
            guard let toIndex = object.toIndex else { throw PyFormatError.typeError("%c requires int or char") }
            code = try toIndex()
        }
        guard code >= 0, code <= 0x10FFFF else {
            throw PyFormatError.overflowError("%c arg not in range(0x110000)")
        }
        return Unicode.Scalar(UInt32(code)) ?? PyFormatSpec.replacementCharacter
    }
}
