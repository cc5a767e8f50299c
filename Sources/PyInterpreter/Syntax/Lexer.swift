import BigInt

/// A lexer error, kept apart from parser errors because CPython lets tokenizer
/// errors anywhere in the cell take priority over parser errors.
struct LexIssue {
    var issue: SyntaxIssue
    /// "'(' was never closed": reported by CPython only when nothing else failed first.
    var isNeverClosed: Bool
}

/// Turns cell source into tokens on demand (pull-based, so a 10 MB line never
/// becomes a 10-million-token array). Produces INDENT/DEDENT/NEWLINE like
/// CPython's tokenizer, joins lines inside brackets and after a backslash.
final class Lexer {
    static let maxBracketDepth = 200
    static let maxIndentLevels = 100

    private let text: [Unicode.Scalar]
    private var index: Int
    private let endIndex: Int
    private var line: Int
    private var column: Int
    /// f-string replacement fields are lexed as one bracketed expression: no NEWLINE/INDENT.
    private let expressionMode: Bool

    private var indents: [Int] = [0]
    private var altIndents: [Int] = [0]
    private(set) var brackets: [(punct: Punct, pos: SourcePos)] = []
    private var atLineStart = true
    private var lineHasTokens = false
    private var pending: [Token] = []
    private var pendingHead = 0
    private var finished = false
    private(set) var issues: [LexIssue] = []

    init(_ source: String) {
        text = Array(source.unicodeScalars)
        index = 0
        endIndex = text.count
        line = 1
        column = 1
        expressionMode = false
    }

    /// A lexer over `text[range]` whose first character sits at `start` (f-string expressions).
    init(scalars: [Unicode.Scalar], range: Range<Int>, start: SourcePos) {
        text = scalars
        index = range.lowerBound
        endIndex = range.upperBound
        line = Int(start.line)
        column = Int(start.column)
        expressionMode = true
        atLineStart = false
    }

    var bracketDepth: Int { brackets.count }

    // MARK: - Characters

    private var pos: SourcePos { SourcePos(line: line, column: column) }
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let i = index + offset
        return i < endIndex ? text[i] : nil
    }
    private func isNewline(_ c: Unicode.Scalar?) -> Bool { c == "\n" || c == "\r" }
    private func advance() {
        guard index < endIndex else { return }
        let c = text[index]
        index += 1
        if c == "\n" {
            line += 1
            column = 1
        } else if c == "\r" {
            if index < endIndex && text[index] == "\n" { index += 1 }
            line += 1
            column = 1
        } else {
            column += 1
        }
    }

    private func report(_ message: String, at p: SourcePos, type: String = "SyntaxError", neverClosed: Bool = false) {
        issues.append(LexIssue(issue: SyntaxIssue(type, message, at: p), isNeverClosed: neverClosed))
    }
    private func make(_ kind: TokenKind, from start: SourcePos) -> Token {
        lineHasTokens = true
        return Token(kind: kind, span: SourceSpan(start: start, end: pos))
    }

    // MARK: - Tokens

    func next() -> Token {
        if pendingHead < pending.count {
            let t = pending[pendingHead]
            pendingHead += 1
            if pendingHead == pending.count { pending.removeAll(keepingCapacity: true); pendingHead = 0 }
            return t
        }
        while true {
            if atLineStart && brackets.isEmpty && !expressionMode {
                if let t = lineStart() { return t }
                continue
            }
            while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" { advance() }
            let start = pos
            guard let c = peek() else { return endOfInput() }
            if c == "#" {
                while let d = peek(), !isNewline(d) { advance() }
                continue
            }
            if isNewline(c) {
                advance()
                if brackets.isEmpty && !expressionMode {
                    atLineStart = true
                    if lineHasTokens {
                        lineHasTokens = false
                        return Token(kind: .newline, span: SourceSpan(start: start, end: start))
                    }
                }
                continue
            }
            if c == "\\" {
                if isNewline(peek(1)) { advance(); advance(); continue }
                if peek(1) == nil {
                    advance()
                    report("unexpected EOF while parsing", at: start)
                    return make(.error, from: start)
                }
                advance()
                report("unexpected character after line continuation character", at: SourcePos(line: line, column: column))
                return make(.error, from: start)
            }
            if isIdentifierStart(c) {
                if let quoteOffset = stringPrefixLength(), let q = peek(quoteOffset), q == "'" || q == "\"" {
                    return string(prefixLength: quoteOffset, start: start)
                }
                return identifier(start)
            }
            if c == "'" || c == "\"" { return string(prefixLength: 0, start: start) }
            if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) { return number(start) }
            return punctuation(start)
        }
    }

    /// Measures indentation at the start of a line; returns INDENT/DEDENT or nil for blank lines.
    private func lineStart() -> Token? {
        var col = 0, altCol = 0
        while let c = peek() {
            if c == " " { col += 1; altCol += 1 }
            else if c == "\t" { col = (col / 8 + 1) * 8; altCol += 1 }
            else if c == "\u{0C}" { col = 0; altCol = 0 }
            else { break }
            advance()
        }
        let start = pos
        guard let c = peek() else { atLineStart = false; return nil }
        if c == "#" || isNewline(c) {
            while let d = peek(), !isNewline(d) { advance() }
            advance()
            return nil
        }
        if c == "\\" && isNewline(peek(1)) {
            // A continuation right at the start of a line: the indentation counts for the joined line.
            atLineStart = false
            return nil
        }
        atLineStart = false
        let top = indents[indents.count - 1], altTop = altIndents[altIndents.count - 1]
        if col == top {
            if altCol != altTop { return tabError(start) }
            return nil
        }
        if col > top {
            if altCol <= altTop { return tabError(start) }
            if indents.count >= Lexer.maxIndentLevels {
                report("too many levels of indentation", at: SourcePos(line: Int(start.line), column: 1), type: "IndentationError")
                return Token(kind: .error, span: SourceSpan(start))
            }
            indents.append(col)
            altIndents.append(altCol)
            return Token(kind: .indent, span: SourceSpan(start))
        }
        var dedents = 0
        while indents.count > 1 && col < indents[indents.count - 1] {
            indents.removeLast()
            altIndents.removeLast()
            dedents += 1
        }
        if col != indents[indents.count - 1] {
            report("unindent does not match any outer indentation level", at: SourcePos(line: line, column: lineEndColumn()), type: "IndentationError")
            // Recover as if the line were at the nearest outer level.
            indents[indents.count - 1] = col
            altIndents[altIndents.count - 1] = altCol
            pending.append(contentsOf: repeatElement(Token(kind: .dedent, span: SourceSpan(start)), count: dedents))
            return Token(kind: .error, span: SourceSpan(start))
        }
        if altCol != altIndents[altIndents.count - 1] { return tabError(start) }
        for _ in 1..<dedents { pending.append(Token(kind: .dedent, span: SourceSpan(start))) }
        return Token(kind: .dedent, span: SourceSpan(start))
    }

    /// Column just past the last character of the current line (CPython points there for dedent errors).
    private func lineEndColumn() -> Int {
        var i = index, c = column
        while i < endIndex, text[i] != "\n", text[i] != "\r" { i += 1; c += 1 }
        return c
    }

    private func tabError(_ start: SourcePos) -> Token {
        report("inconsistent use of tabs and spaces in indentation", at: SourcePos(line: Int(start.line), column: 1), type: "TabError")
        return Token(kind: .error, span: SourceSpan(start))
    }

    private func endOfInput() -> Token {
        let here = pos
        if let open = brackets.first {
            report("'\(open.punct.rawValue)' was never closed", at: open.pos, neverClosed: true)
            brackets.removeAll()
        }
        if expressionMode { return Token(kind: .end, span: SourceSpan(here)) }
        if lineHasTokens {
            lineHasTokens = false
            return Token(kind: .newline, span: SourceSpan(here))
        }
        if indents.count > 1 {
            indents.removeLast()
            altIndents.removeLast()
            return Token(kind: .dedent, span: SourceSpan(here))
        }
        return Token(kind: .end, span: SourceSpan(here))
    }

    // MARK: - Names

    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return c.properties.isXIDStart
    }
    private func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return isIdentifierStart(c) || isDigit(c) }
        return c.properties.isXIDContinue
    }
    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private func identifier(_ start: SourcePos) -> Token {
        let from = index
        while let c = peek(), isIdentifierContinue(c) { advance() }
        let name = String(scalars: text[from..<index])
        if let k = Keyword.byName[name] { return make(.keyword(k), from: start) }
        return make(.name(name), from: start)
    }

    // MARK: - Numbers

    private func number(_ start: SourcePos) -> Token {
        let from = index
        if peek() == "0", let p = peek(1), "xXoObB".unicodeScalars.contains(p) {
            let radix = (p == "x" || p == "X") ? 16 : (p == "o" || p == "O") ? 8 : 2
            advance(); advance()
            var digits = ""
            var bad = false
            while let c = peek() {
                if c == "_" {
                    advance()
                    guard let d = peek(), d.properties.numericType != nil || isIdentifierContinue(d), d != "_" else { bad = true; break }
                    continue
                }
                if let v = Int(String(c), radix: 36), v < radix { digits.unicodeScalars.append(c); advance(); continue }
                if isIdentifierContinue(c) { bad = true }
                break
            }
            if bad || digits.isEmpty {
                let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
                report("invalid \(name) literal", at: pos)
                skipIdentifierTail()
                return make(.error, from: start)
            }
            return intToken(digits, radix: radix, start)
        }
        var isFloat = false
        guard scanDigits() else { return badDecimal(start) }
        if peek() == "." {
            isFloat = true
            advance()
            if let c = peek(), isDigit(c) { guard scanDigits() else { return badDecimal(start) } }
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let digitAt = (sign == "+" || sign == "-") ? 2 : 1
            if let d = peek(digitAt), isDigit(d) {
                isFloat = true
                for _ in 0..<digitAt { advance() }
                guard scanDigits() else { return badDecimal(start) }
            }
        }
        if let c = peek(), c == "j" || c == "J" {
            advance()
            report("imaginary numbers are not supported", at: start)
            return make(.error, from: start)
        }
        if let c = peek(), isIdentifierContinue(c) { return badDecimal(start) }
        if !isFloat && index - from <= 18 && text[from] != "0" {
            var v = 0
            var simple = true
            for c in text[from..<index] {
                guard c >= "0" && c <= "9" else { simple = false; break }
                v = v * 10 + Int(c.value - 48)
            }
            if simple { return make(.int(v), from: start) }
        }
        let literal = String(scalars: text[from..<index].lazy.filter { $0 != "_" })
        if isFloat {
            return make(.float(Double(literal) ?? .infinity), from: start)
        }
        if literal.count > 1, literal.first == "0", literal.contains(where: { $0 != "0" }) {
            report("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: start)
            return make(.error, from: start)
        }
        return intToken(literal, radix: 10, start)
    }

    /// Digits with single underscores between them; false on a misplaced underscore.
    private func scanDigits() -> Bool {
        while let c = peek() {
            if isDigit(c) { advance(); continue }
            if c == "_" {
                guard let d = peek(1), isDigit(d) else { advance(); return false }
                advance()
                continue
            }
            break
        }
        return true
    }

    private func badDecimal(_ start: SourcePos) -> Token {
        report("invalid decimal literal", at: SourcePos(line: line, column: column - (peek(-1) == "_" ? 1 : 0)))
        skipIdentifierTail()
        return make(.error, from: start)
    }
    private func skipIdentifierTail() {
        while let c = peek(), isIdentifierContinue(c) || c == "." { advance() }
    }

    private func intToken(_ digits: String, radix: Int, _ start: SourcePos) -> Token {
        if let v = Int(digits, radix: radix) { return make(.int(v), from: start) }
        if let big = BigInt(digits, radix: radix) { return make(.bigInt(big), from: start) }
        report("invalid decimal literal", at: start)
        return make(.error, from: start)
    }

    // MARK: - Strings

    /// Length of a valid string prefix (r, f, b, u, rb, fr, …) at the current position, if any.
    private func stringPrefixLength() -> Int? {
        var n = 0
        var letters = Set<Character>()
        while let c = peek(n), "rRbBuUfF".unicodeScalars.contains(c), n < 2 {
            letters.insert(Character(String(c).lowercased()))
            n += 1
        }
        guard n > 0 else { return nil }
        let valid: Set<Set<Character>> = [["r"], ["u"], ["f"], ["b"], ["r", "b"], ["r", "f"]]
        return valid.contains(letters) && letters.count == n ? n : nil
    }

    private func string(prefixLength: Int, start: SourcePos) -> Token {
        var isRaw = false, isFormatted = false, isBytes = false
        for _ in 0..<prefixLength {
            switch peek() {
            case "r", "R": isRaw = true
            case "f", "F": isFormatted = true
            case "b", "B": isBytes = true
            default: break
            }
            advance()
        }
        guard let quote = peek() else { return make(.error, from: start) }
        let triple = peek(1) == quote && peek(2) == quote
        for _ in 0..<(triple ? 3 : 1) { advance() }
        let bodyStart = pos
        let bodyFrom = index
        var bodyEnd = index
        while true {
            guard let c = peek() else {
                let kind = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                let detected = column == 1 && line > 1 ? line - 1 : line
                report("\(kind) (detected at line \(detected))", at: start)
                return make(.error, from: start)
            }
            if c == "\\" {
                advance()
                if peek() != nil { advance() }
                continue
            }
            if isNewline(c) && !triple {
                report("unterminated string literal (detected at line \(line))", at: start)
                return make(.error, from: start)
            }
            if c == quote {
                if !triple { bodyEnd = index; advance(); break }
                if peek(1) == quote && peek(2) == quote { bodyEnd = index; advance(); advance(); advance(); break }
            }
            advance()
        }
        if isBytes {
            report("bytes literals are not supported", at: start)
            return make(.error, from: start)
        }
        let raw = String(scalars: text[bodyFrom..<bodyEnd])
        if isFormatted {
            return make(.string(StringPiece(value: raw, isFormatted: true, isRaw: isRaw, bodyStart: bodyStart)), from: start)
        }
        if isRaw {
            return make(.string(StringPiece(value: normalizeNewlines(raw), isFormatted: false, isRaw: true, bodyStart: bodyStart)), from: start)
        }
        switch decodeEscapes(text[bodyFrom..<bodyEnd]) {
        case .success(let value):
            return make(.string(StringPiece(value: value, isFormatted: false, isRaw: false, bodyStart: bodyStart)), from: start)
        case .failure(let issue):
            report(issue.message, at: pos)
            return make(.error, from: start)
        }
    }

    private func normalizeNewlines(_ s: String) -> String {
        s.contains("\r") ? s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : s
    }

    // MARK: - Punctuation

    /// Candidate operators by first character, longest first.
    private static let punctByFirst: [UInt32: [(Punct, [Unicode.Scalar])]] = {
        var t: [UInt32: [(Punct, [Unicode.Scalar])]] = [:]
        for p in Punct.byLength {
            let scalars = Array(p.rawValue.unicodeScalars)
            t[scalars[0].value, default: []].append((p, scalars))
        }
        return t
    }()

    private func punctuation(_ start: SourcePos) -> Token {
        for (p, scalars) in Lexer.punctByFirst[text[index].value] ?? [] {
            var matches = true
            for (i, s) in scalars.enumerated() where peek(i) != s {
                matches = false
                break
            }
            guard matches else { continue }
            let i = scalars.count
            for _ in 0..<i { advance() }
            switch p {
            case .lparen, .lbracket, .lbrace:
                if brackets.count >= Lexer.maxBracketDepth {
                    brackets.append((p, start))
                    // Reported once per excursion past the limit, like CPython stops at the first.
                    if brackets.count == Lexer.maxBracketDepth + 1 { report("too many nested parentheses", at: start) }
                    return make(.error, from: start)
                }
                brackets.append((p, start))
            case .rparen, .rbracket, .rbrace:
                guard let open = brackets.last else {
                    report("unmatched '\(p.rawValue)'", at: start)
                    return make(.error, from: start)
                }
                brackets.removeLast()
                if !Lexer.closes(open.punct, p) {
                    let suffix = open.pos.line != start.line ? " on line \(open.pos.line)" : ""
                    report("closing parenthesis '\(p.rawValue)' does not match opening parenthesis '\(open.punct.rawValue)'\(suffix)", at: start)
                    return make(.error, from: start)
                }
            default:
                break
            }
            return make(.punct(p), from: start)
        }
        let c = peek()!
        advance()
        if c == "!" {
            report("invalid syntax", at: start)
        } else if c == "$" || c == "?" || c == "`" {
            report("invalid syntax", at: start)
        } else {
            let hex = String(c.value, radix: 16, uppercase: true)
            let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            report("invalid character '\(Character(c))' (U+\(code))", at: start)
        }
        return make(.error, from: start)
    }

    static func closes(_ open: Punct, _ close: Punct) -> Bool {
        switch (open, close) {
        case (.lparen, .rparen), (.lbracket, .rbracket), (.lbrace, .rbrace): return true
        default: return false
        }
    }
}

/// Decodes backslash escapes of a (non-raw) string literal body as CPython does.
func decodeEscapes<C: Collection>(_ body: C) -> Result<String, SyntaxIssue> where C.Element == Unicode.Scalar {
    var out = EscapeOutput()
    var it = Array(body)[...]
    func hexValue(_ count: Int, _ name: String, _ position: Int) -> Result<UInt32, SyntaxIssue> {
        var v: UInt32 = 0
        for consumed in 0..<count {
            guard let c = it.first, let d = UInt32(String(c), radix: 16) else {
                return .failure(SyntaxIssue("(unicode error) 'unicodeescape' codec can't decode bytes in position \(position)-\(position + 1 + consumed): truncated \(name) escape", at: SourcePos(line: 0, column: 0)))
            }
            v = v * 16 + d
            it = it.dropFirst()
        }
        return .success(v)
    }
    var position = 0
    while let c = it.first {
        it = it.dropFirst()
        if c == "\r" {
            if it.first == "\n" { it = it.dropFirst() }
            out.append("\n")
            position += 1
            continue
        }
        guard c == "\\", let e = it.first else { out.append(c); position += 1; continue }
        it = it.dropFirst()
        switch e {
        case "\n": break
        case "\r": if it.first == "\n" { it = it.dropFirst() }
        case "\\": out.append("\\")
        case "'": out.append("'")
        case "\"": out.append("\"")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            var v = e.value - 48
            for _ in 0..<2 {
                guard let d = it.first, d >= "0" && d <= "7" else { break }
                v = v * 8 + d.value - 48
                it = it.dropFirst()
            }
            out.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        case "x", "u", "U":
            let count = e == "x" ? 2 : e == "u" ? 4 : 8
            let name = e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX"
            switch hexValue(count, name, position) {
            case .failure(let issue): return .failure(issue)
            case .success(let v):
                guard let s = Unicode.Scalar(v) else {
                    return .failure(SyntaxIssue("(unicode error) 'unicodeescape' codec can't decode bytes in position \(position)-\(position + 1 + count): illegal Unicode character", at: SourcePos(line: 0, column: 0)))
                }
                out.append(s)
            }
        case "N":
            guard it.first == "{", let close = it.firstIndex(of: "}") else {
                return .failure(SyntaxIssue("(unicode error) 'unicodeescape' codec can't decode bytes in position \(position)-\(position + 1): malformed \\N character escape", at: SourcePos(line: 0, column: 0)))
            }
            let name = String(scalars: it[it.index(after: it.startIndex)..<close])
            guard let scalar = UnicodeNames.scalar(named: name) else {
                return .failure(SyntaxIssue("(unicode error) 'unicodeescape' codec can't decode bytes in position \(position)-\(position + name.count + 3): unknown Unicode character name", at: SourcePos(line: 0, column: 0)))
            }
            out.append(scalar)
            it = it[it.index(after: close)...]
            position += name.count + 2
        default:
            out.append("\\")
            out.append(e)
        }
        position += 2
    }
    return .success(out.string)
}

/// UTF-8 accumulator for decoded string literals.
private struct EscapeOutput {
    var bytes: [UInt8] = []
    mutating func append(_ s: Unicode.Scalar) { UTF8Buffer.append(s, to: &bytes) }
    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Reverse lookup of Unicode character names for `\N{...}` escapes (built on first use).
enum UnicodeNames {
    private static let table: [String: Unicode.Scalar] = {
        var t: [String: Unicode.Scalar] = [:]
        for v in UInt32(0x20)...UInt32(0x10FFFF) {
            guard let s = Unicode.Scalar(v) else { continue }
            if let n = s.properties.name { t[n] = s }
            if let a = s.properties.nameAlias { t[a] = s }
        }
        return t
    }()

    static func scalar(named name: String) -> Unicode.Scalar? { table[name.uppercased()] }
}
