import Foundation

extension PyType {
    public static let str: PyType = {
        let t = PyType(builtin: "str", base: .object, factory: .builtin({ interp, _, args in
            let sig = NativeSignature("str", .init("object", default: .string("")), .init("encoding", default: .none), .init("errors", default: .none))
            let a = try sig.bind(args)
            return .string(try interp.str(a["object"]))
        }))
        StrMethods.install(t)
        return t
    }()
}

/// The methods of `str`.
enum StrMethods {
    static func string(_ v: Value) -> PyStr {
        if case .str(let s) = v { return s }
        return PyStr.empty
    }

    /// Python whitespace (str.split/strip without arguments).
    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0: return true
        default: return c.properties.isWhitespace
        }
    }

    static func install(_ t: PyType) {
        t.method("upper") { _, this, args in _ = try args.exactly(0, "upper"); return .string(string(this).value.uppercased()) }
        t.method("lower") { _, this, args in _ = try args.exactly(0, "lower"); return .string(string(this).value.lowercased()) }
        t.method("casefold") { _, this, _ in .string(string(this).value.lowercased()) }
        t.method("swapcase") { _, this, _ in
            var out = ""
            for ch in string(this).value {
                let s = String(ch)
                out += s == s.uppercased() ? s.lowercased() : s.uppercased()
            }
            return .string(out)
        }
        t.method("capitalize") { _, this, _ in
            let s = string(this).value
            guard let first = s.first else { return this }
            return .string(String(first).uppercased() + s.dropFirst().lowercased())
        }
        t.method("title") { _, this, _ in
            var out = ""
            var previousCased = false
            for ch in string(this).value {
                let s = String(ch)
                out += previousCased ? s.lowercased() : s.uppercased()
                previousCased = ch.isLetter
            }
            return .string(out)
        }
        t.method("strip") { _, this, args in .string(try strip(string(this), args, "strip", left: true, right: true)) }
        t.method("lstrip") { _, this, args in .string(try strip(string(this), args, "lstrip", left: true, right: false)) }
        t.method("rstrip") { _, this, args in .string(try strip(string(this), args, "rstrip", left: false, right: true)) }
        t.method("split") { interp, this, args in try split(interp, string(this), args, fromRight: false) }
        t.method("rsplit") { interp, this, args in try split(interp, string(this), args, fromRight: true) }
        t.method("splitlines") { _, this, args in
            let keep = try NativeSignature("splitlines", .init("keepends", default: .bool(false))).bind(args)
            let keepEnds = try keep.bool("keepends")
            var lines: [Value] = []
            var current = String.UnicodeScalarView()
            let scalars = string(this).scalars
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if c == "\n" || c == "\r" || c == "\u{0B}" || c == "\u{0C}" || c == "\u{1C}" || c == "\u{1D}" || c == "\u{1E}" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" {
                    var end = String.UnicodeScalarView([c])
                    if c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" { end.append("\n"); i += 1 }
                    if keepEnds { current.append(contentsOf: end) }
                    lines.append(.string(String(current)))
                    current = String.UnicodeScalarView()
                } else {
                    current.append(c)
                }
                i += 1
            }
            if !current.isEmpty { lines.append(.string(String(current))) }
            return .list(lines)
        }
        t.method("join") { interp, this, args in
            let items = try interp.iterate(try args.exactly(1, "join")[0])
            var parts: [String] = []
            parts.reserveCapacity(items.count)
            var total = 0
            for (i, item) in items.enumerated() {
                guard case .str(let s) = item else {
                    throw PyError(.typeError, "sequence item \(i): expected str instance, \(item.typeName) found")
                }
                parts.append(s.value)
                total += s.value.utf8.count
            }
            try interp.checkSize(total + string(this).value.utf8.count * Swift.max(0, items.count - 1), "string")
            return .string(parts.joined(separator: string(this).value))
        }
        t.method("replace") { interp, this, args in
            let p = try args.between(2, 3, "replace")
            let old = try p[0].requireString("replace() argument 1")
            let new = try p[1].requireString("replace() argument 2")
            let count = p.count > 2 ? try interp.indexValue(p[2]) : -1
            return .string(try replace(interp, string(this), old.value, new.value, count: count))
        }
        t.method("startswith") { interp, this, args in try affix(interp, string(this), args, "startswith", prefix: true) }
        t.method("endswith") { interp, this, args in try affix(interp, string(this), args, "endswith", prefix: false) }
        t.method("find") { interp, this, args in .int(try find(interp, string(this), args, "find", fromRight: false)) }
        t.method("rfind") { interp, this, args in .int(try find(interp, string(this), args, "rfind", fromRight: true)) }
        t.method("index") { interp, this, args in
            let i = try find(interp, string(this), args, "index", fromRight: false)
            if i < 0 { throw PyError(.valueError, "substring not found") }
            return .int(i)
        }
        t.method("rindex") { interp, this, args in
            let i = try find(interp, string(this), args, "rindex", fromRight: true)
            if i < 0 { throw PyError(.valueError, "substring not found") }
            return .int(i)
        }
        t.method("count") { interp, this, args in
            let p = try args.between(1, 3, "count")
            let sub = try p[0].requireString("count() argument 1")
            let (lo, hi) = try bounds(interp, string(this).count, p.dropFirst())
            let hay = Array(string(this).scalars[lo..<Swift.max(lo, hi)])
            let needle = sub.scalars
            if needle.isEmpty { return .int(hay.count + 1) }
            var n = 0, i = 0
            while i + needle.count <= hay.count {
                if Array(hay[i..<(i + needle.count)]) == needle { n += 1; i += needle.count } else { i += 1 }
            }
            return .int(n)
        }
        t.method("center") { interp, this, args in try justify(interp, string(this), args, "center") }
        t.method("ljust") { interp, this, args in try justify(interp, string(this), args, "ljust") }
        t.method("rjust") { interp, this, args in try justify(interp, string(this), args, "rjust") }
        t.method("zfill") { interp, this, args in
            let width = try interp.indexValue(try args.exactly(1, "zfill")[0])
            let s = string(this)
            try interp.checkSize(width, "string")
            guard width > s.count else { return this }
            var scalars = s.scalars
            var sign: [Unicode.Scalar] = []
            if let f = scalars.first, f == "+" || f == "-" { sign = [f]; scalars.removeFirst() }
            return .string(String(scalars: sign + Array(repeating: "0", count: width - s.count) + scalars))
        }
        t.method("isdigit") { _, this, _ in .bool(!string(this).value.isEmpty && string(this).scalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit }) }
        t.method("isdecimal") { _, this, _ in .bool(!string(this).value.isEmpty && string(this).scalars.allSatisfy { $0.properties.numericType == .decimal }) }
        t.method("isnumeric") { _, this, _ in .bool(!string(this).value.isEmpty && string(this).scalars.allSatisfy { $0.properties.numericType != nil }) }
        t.method("isalpha") { _, this, _ in .bool(!string(this).value.isEmpty && string(this).scalars.allSatisfy { $0.properties.isAlphabetic }) }
        t.method("isalnum") { _, this, _ in .bool(!string(this).value.isEmpty && string(this).scalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil }) }
        t.method("isspace") { _, this, _ in .bool(!string(this).value.isEmpty && string(this).scalars.allSatisfy(isSpace)) }
        t.method("isascii") { _, this, _ in .bool(string(this).scalars.allSatisfy { $0.isASCII }) }
        t.method("isprintable") { _, this, _ in .bool(string(this).scalars.allSatisfy(Interpreter.isPrintable)) }
        t.method("isidentifier") { _, this, _ in
            let s = string(this).scalars
            guard let f = s.first, f == "_" || f.properties.isXIDStart else { return .bool(false) }
            return .bool(s.dropFirst().allSatisfy { $0 == "_" || $0.properties.isXIDContinue })
        }
        t.method("islower") { _, this, _ in
            let s = string(this).value
            return .bool(s.contains { $0.isCased } && s == s.lowercased())
        }
        t.method("isupper") { _, this, _ in
            let s = string(this).value
            return .bool(s.contains { $0.isCased } && s == s.uppercased())
        }
        t.method("istitle") { _, this, _ in
            var previousCased = false, sawCased = false
            for ch in string(this).value {
                if ch.isUppercase { if previousCased { return .bool(false) }; previousCased = true; sawCased = true }
                else if ch.isLowercase { if !previousCased { return .bool(false) }; previousCased = true; sawCased = true }
                else { previousCased = false }
            }
            return .bool(sawCased)
        }
        t.method("partition") { _, this, args in try partition(string(this), try args.exactly(1, "partition")[0], fromRight: false) }
        t.method("rpartition") { _, this, args in try partition(string(this), try args.exactly(1, "rpartition")[0], fromRight: true) }
        t.method("removeprefix") { _, this, args in
            let p = try args.exactly(1, "removeprefix")[0].requireString("removeprefix() argument")
            let s = string(this).value
            return s.hasPrefix(p.value) ? .string(String(s.dropFirst(p.value.count))) : this
        }
        t.method("removesuffix") { _, this, args in
            let p = try args.exactly(1, "removesuffix")[0].requireString("removesuffix() argument")
            let s = string(this).value
            return s.hasSuffix(p.value) && !p.value.isEmpty ? .string(String(s.dropLast(p.value.count))) : this
        }
        t.method("expandtabs") { interp, this, args in
            let size = try args.positional.first.map { try interp.indexValue($0) } ?? 8
            let tabs = string(this).scalars.filter { $0 == "\t" }.count
            try interp.checkSize(string(this).count + tabs * Swift.max(0, size), "string")
            var out = "", column = 0
            for c in string(this).scalars {
                if c == "\t" {
                    let n = size > 0 ? size - column % size : 0
                    out += String(repeating: " ", count: n)
                    column += n
                } else {
                    out.unicodeScalars.append(c)
                    column = (c == "\n" || c == "\r") ? 0 : column + 1
                }
            }
            return .string(out)
        }
        t.method("format") { interp, this, args in .string(try StrFormat.format(interp, string(this).value, args)) }
        t.method("format_map") { interp, this, args in
            .string(try StrFormat.format(interp, string(this).value, Arguments([]), mapping: try args.exactly(1, "format_map")[0]))
        }
        t.method("encode") { _, _, _ in throw PyError(.notImplementedError, "bytes are not supported") }
        t.method("__len__") { _, this, _ in .int(string(this).count) }
        t.method("__contains__") { interp, this, args in .bool(try interp.contains(this, try args.exactly(1, "__contains__")[0])) }
        t.method("__getitem__") { interp, this, args in try interp.getItem(this, try args.exactly(1, "__getitem__")[0]) }
        t.method("__add__") { interp, this, args in try interp.binaryOperation(.add, this, try args.exactly(1, "__add__")[0]) }
        t.method("__mul__") { interp, this, args in try interp.binaryOperation(.multiply, this, try args.exactly(1, "__mul__")[0]) }
        t.method("__mod__") { interp, this, args in .string(try interp.percentFormat(string(this).value, try args.exactly(1, "__mod__")[0])) }
        t.method("__format__") { interp, this, args in .string(try interp.formatValue(this, try args.exactly(1, "__format__")[0].requireString("format spec").value)) }
    }

    static func strip(_ s: PyStr, _ args: Arguments, _ name: String, left: Bool, right: Bool) throws -> String {
        let p = try args.between(0, 1, name)
        let chars: Set<Unicode.Scalar>?
        if let c = p.first, !c.isNone {
            guard case .str(let cs) = c else { throw PyError(.typeError, "\(name) arg must be None or str") }
            chars = Set(cs.scalars)
        } else {
            chars = nil
        }
        let strip: (Unicode.Scalar) -> Bool = { c in chars.map { $0.contains(c) } ?? isSpace(c) }
        let scalars = s.scalars
        var lo = 0, hi = scalars.count
        if left { while lo < hi && strip(scalars[lo]) { lo += 1 } }
        if right { while hi > lo && strip(scalars[hi - 1]) { hi -= 1 } }
        if lo == 0 && hi == scalars.count { return s.value }
        return String(scalars: scalars[lo..<hi])
    }

    static func split(_ interp: Interpreter, _ s: PyStr, _ args: Arguments, fromRight: Bool) throws -> Value {
        let a = try NativeSignature(fromRight ? "rsplit" : "split", .init("sep", default: .none), .init("maxsplit", default: .int(-1))).bind(args)
        let maxSplit = try interp.indexValue(a["maxsplit"])
        let scalars = s.scalars
        var parts: [String] = []
        if let sepValue = a.optional("sep") {
            let sep = try sepValue.requireString("sep")
            let needle = sep.scalars
            if needle.isEmpty { throw PyError(.valueError, "empty separator") }
            var pieces: [[Unicode.Scalar]] = []
            if !fromRight {
                var start = 0, i = 0
                while i + needle.count <= scalars.count && (maxSplit < 0 || pieces.count < maxSplit) {
                    if scalars[i..<(i + needle.count)].elementsEqual(needle) {
                        pieces.append(Array(scalars[start..<i]))
                        i += needle.count
                        start = i
                    } else { i += 1 }
                }
                pieces.append(Array(scalars[start...]))
            } else {
                var end = scalars.count, i = scalars.count - needle.count
                while i >= 0 && (maxSplit < 0 || pieces.count < maxSplit) {
                    if scalars[i..<(i + needle.count)].elementsEqual(needle) {
                        pieces.append(Array(scalars[(i + needle.count)..<end]))
                        end = i
                        i -= needle.count
                    } else { i -= 1 }
                }
                pieces.append(Array(scalars[0..<end]))
                pieces.reverse()
            }
            parts = pieces.map { String(scalars: $0) }
        } else {
            var words: [(Int, Int)] = []
            var i = 0
            let n = scalars.count
            if !fromRight {
                while i < n {
                    while i < n && isSpace(scalars[i]) { i += 1 }
                    if i >= n { break }
                    if maxSplit >= 0 && words.count == maxSplit {
                        var end = n
                        while end > i && isSpace(scalars[end - 1]) { end -= 1 }
                        words.append((i, end))
                        break
                    }
                    let start = i
                    while i < n && !isSpace(scalars[i]) { i += 1 }
                    words.append((start, i))
                }
            } else {
                var j = n
                while j > 0 {
                    while j > 0 && isSpace(scalars[j - 1]) { j -= 1 }
                    if j == 0 { break }
                    if maxSplit >= 0 && words.count == maxSplit {
                        var start = 0
                        while start < j && isSpace(scalars[start]) { start += 1 }
                        words.append((start, j))
                        break
                    }
                    let end = j
                    while j > 0 && !isSpace(scalars[j - 1]) { j -= 1 }
                    words.append((j, end))
                }
                words.reverse()
            }
            parts = words.map { String(scalars: scalars[$0.0..<$0.1]) }
        }
        return .list(parts.map { .string($0) })
    }

    static func replace(_ interp: Interpreter, _ s: PyStr, _ old: String, _ new: String, count: Int) throws -> String {
        if old.isEmpty {
            var out = ""
            var n = 0
            for c in s.scalars {
                if count < 0 || n < count { out += new; n += 1 }
                out.unicodeScalars.append(c)
            }
            if count < 0 || n < count { out += new }
            try interp.checkSize(out.utf8.count, "string")
            return out
        }
        if count < 0 {
            let result = s.value.replacingOccurrences(of: old, with: new)
            try interp.checkSize(result.utf8.count, "string")
            return result
        }
        var out = ""
        var rest = Substring(s.value)
        var n = 0
        while n < count, let r = rest.range(of: old) {
            out += rest[rest.startIndex..<r.lowerBound]
            out += new
            rest = rest[r.upperBound...]
            n += 1
        }
        out += rest
        return out
    }

    /// `start`/`end` optional arguments, normalized like slice indices.
    static func bounds(_ interp: Interpreter, _ count: Int, _ rest: ArraySlice<Value>) throws -> (Int, Int) {
        let values = Array(rest)
        func norm(_ v: Value?, _ d: Int) throws -> Int {
            guard let v = v, !v.isNone else { return d }
            var i = try interp.indexValue(v)
            if i < 0 { i += count }
            return Swift.min(Swift.max(i, 0), count)
        }
        return (try norm(values.first, 0), try norm(values.count > 1 ? values[1] : nil, count))
    }

    static func affix(_ interp: Interpreter, _ s: PyStr, _ args: Arguments, _ name: String, prefix: Bool) throws -> Value {
        let p = try args.between(1, 3, name)
        let (lo, hi) = try bounds(interp, s.count, p.dropFirst())
        let scalars = s.scalars
        let window = lo <= hi ? Array(scalars[lo..<hi]) : []
        func test(_ v: Value) throws -> Bool {
            guard case .str(let a) = v else {
                throw PyError(.typeError, "\(name) first arg must be str or a tuple of str, not \(v.typeName)")
            }
            if lo > hi { return false }
            let needle = a.scalars
            if needle.count > window.count { return false }
            return prefix ? window.prefix(needle.count).elementsEqual(needle) : window.suffix(needle.count).elementsEqual(needle)
        }
        if case .object(let o) = p[0], let t = o as? PyTuple {
            for item in t.items where try test(item) { return .bool(true) }
            return .bool(false)
        }
        return .bool(try test(p[0]))
    }

    static func find(_ interp: Interpreter, _ s: PyStr, _ args: Arguments, _ name: String, fromRight: Bool) throws -> Int {
        let p = try args.between(1, 3, name)
        guard case .str(let sub) = p[0] else { throw PyError(.typeError, "must be str, not \(p[0].typeName)") }
        let (lo, hi) = try bounds(interp, s.count, p.dropFirst())
        let hay = s.scalars, needle = sub.scalars
        if hi - lo < needle.count { return -1 }
        let positions = lo...(hi - needle.count)
        if fromRight {
            for i in positions.reversed() where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        } else {
            for i in positions where hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
        }
        return -1
    }

    static func justify(_ interp: Interpreter, _ s: PyStr, _ args: Arguments, _ name: String) throws -> Value {
        let p = try args.between(1, 2, name)
        let width = try interp.indexValue(p[0])
        var fill: Unicode.Scalar = " "
        if p.count > 1 {
            guard case .str(let f) = p[1], f.count == 1 else {
                throw PyError(.typeError, "The fill character must be exactly one character long")
            }
            fill = f.scalars[0]
        }
        let n = s.count
        guard width > n else { return .str(s) }
        try interp.checkSize(width, "string")
        let padding = width - n
        let f = String(Character(fill))
        switch name {
        case "ljust": return .string(s.value + String(repeating: f, count: padding))
        case "rjust": return .string(String(repeating: f, count: padding) + s.value)
        default:
            let left = padding / 2 + (padding & width & 1)
            return .string(String(repeating: f, count: left) + s.value + String(repeating: f, count: padding - left))
        }
    }

    static func partition(_ s: PyStr, _ sepValue: Value, fromRight: Bool) throws -> Value {
        let sep = try sepValue.requireString("partition() argument")
        if sep.value.isEmpty { throw PyError(.valueError, "empty separator") }
        let range = fromRight ? s.value.range(of: sep.value, options: .backwards) : s.value.range(of: sep.value)
        guard let r = range else {
            return fromRight ? .tuple([.string(""), .string(""), .str(s)]) : .tuple([.str(s), .string(""), .string("")])
        }
        return .tuple([.string(String(s.value[..<r.lowerBound])), .str(sep), .string(String(s.value[r.upperBound...]))])
    }
}

/// `str.format`: `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, `!r`, `:spec` (with nested fields).
enum StrFormat {
    static func format(_ interp: Interpreter, _ template: String, _ args: Arguments, mapping: Value? = nil) throws -> String {
        let chars = Array(template.unicodeScalars)
        var out = ""
        var i = 0
        var autoIndex = 0
        var usedManual = false
        func fieldValue(_ field: String) throws -> Value {
            var name = Substring(field)
            var accessors = ""
            if let cut = name.firstIndex(where: { $0 == "." || $0 == "[" }) {
                accessors = String(name[cut...])
                name = name[..<cut]
            }
            var value: Value
            if name.isEmpty {
                if usedManual { throw PyError(.valueError, "cannot switch from manual field specification to automatic field numbering") }
                guard autoIndex < args.positional.count else {
                    throw PyError(.indexError, "Replacement index \(autoIndex) out of range for positional args tuple")
                }
                value = args.positional[autoIndex]
                autoIndex += 1
            } else if let n = Int(name) {
                usedManual = true
                guard n < args.positional.count else {
                    throw PyError(.indexError, "Replacement index \(n) out of range for positional args tuple")
                }
                value = args.positional[n]
            } else if let m = mapping {
                value = try interp.getItem(m, .string(String(name)))
            } else {
                guard let v = args.keyword(String(name)) else { throw PyError.keyError(.string(String(name))) }
                value = v
            }
            var rest = Substring(accessors)
            while let c = rest.first {
                if c == "." {
                    rest = rest.dropFirst()
                    let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                    value = try interp.getAttribute(value, Symbol.intern(String(rest[..<end])))
                    rest = rest[end...]
                } else if c == "[" {
                    guard let close = rest.firstIndex(of: "]") else { throw PyError(.valueError, "Missing ']' in format string") }
                    let key = String(rest[rest.index(after: rest.startIndex)..<close])
                    value = try interp.getItem(value, Int(key).map { .int($0) } ?? .string(key))
                    rest = rest[rest.index(after: close)...]
                } else {
                    throw PyError(.valueError, "Only '.' or '[' may follow ']' in format field specifier")
                }
            }
            return value
        }
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out += "{"; i += 2; continue }
                var depth = 1
                var j = i + 1
                while j < chars.count {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1; if depth == 0 { break } }
                    j += 1
                }
                guard j < chars.count else { throw PyError(.valueError, "expected '}' before end of string") }
                let inner = String(scalars: chars[(i + 1)..<j])
                var field = inner
                var spec = ""
                var conversion: Character? = nil
                if let colon = inner.firstIndex(of: ":") {
                    field = String(inner[..<colon])
                    spec = String(inner[inner.index(after: colon)...])
                }
                if let bang = field.firstIndex(of: "!") {
                    let conv = field[field.index(after: bang)...]
                    guard conv.count == 1, let ch = conv.first, "rsa".contains(ch) else {
                        throw PyError(.valueError, "Unknown conversion specifier \(conv)")
                    }
                    conversion = ch
                    field = String(field[..<bang])
                }
                var value = try fieldValue(field)
                if spec.contains("{") { spec = try format(interp, spec, args, mapping: mapping) }
                switch conversion {
                case "r": value = .string(try interp.repr(value))
                case "s": value = .string(try interp.str(value))
                case "a": value = .string(asciiEscaped(try interp.repr(value)))
                default: break
                }
                out += try interp.formatValue(value, spec)
                try interp.checkSize(out.utf8.count, "string")
                i = j + 1
                continue
            }
            if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out += "}"; i += 2; continue }
                throw PyError(.valueError, "Single '}' encountered in format string")
            }
            out.unicodeScalars.append(c)
            i += 1
        }
        return out
    }
}
