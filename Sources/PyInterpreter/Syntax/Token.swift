import BigInt

/// Python keywords (soft keywords such as `match` stay names).
enum Keyword: String, CaseIterable {
    case False, None, True
    case and, `as`, assert, async, await, `break`, `class`, `continue`, def, del
    case elif, `else`, except, finally, `for`, from, global, `if`, `import`, `in`, `is`
    case lambda, nonlocal, not, or, pass, raise, `return`, `try`, `while`, with, yield

    static let byName: [String: Keyword] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

/// Operators and delimiters.
enum Punct: String, CaseIterable {
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", ellipsis = "...", arrow = "->"
    case plus = "+", minus = "-", star = "*", slash = "/", doubleSlash = "//", percent = "%"
    case doubleStar = "**", at = "@", lshift = "<<", rshift = ">>", amper = "&", pipe = "|"
    case caret = "^", tilde = "~", less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">="
    case equalEqual = "==", notEqual = "!=", assign = "=", walrus = ":="
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/="
    case doubleSlashAssign = "//=", percentAssign = "%=", doubleStarAssign = "**=", atAssign = "@="
    case amperAssign = "&=", pipeAssign = "|=", caretAssign = "^=", lshiftAssign = "<<=", rshiftAssign = ">>="

    /// Longest first, so `**=` wins over `**` and `*`.
    static let byLength: [Punct] = allCases.sorted { $0.rawValue.unicodeScalars.count > $1.rawValue.unicodeScalars.count }
}

/// One string literal as written: its decoded text, or for f-strings the raw body the parser splits.
struct StringPiece {
    var value: String
    var isFormatted: Bool
    var isRaw: Bool
    /// Position of the body's first character (after prefix and quotes); f-string expressions are lexed from here.
    var bodyStart: SourcePos
}

enum TokenKind {
    case name(String)
    case keyword(Keyword)
    case int(Int)
    case bigInt(BigInt)
    case float(Double)
    case string(StringPiece)
    case punct(Punct)
    case newline
    case indent
    case dedent
    case end
    /// The lexer already reported an error here; the parser only recovers.
    case error
}

struct Token {
    var kind: TokenKind
    var span: SourceSpan

    var punct: Punct? {
        if case .punct(let p) = kind { return p }
        return nil
    }
    var keyword: Keyword? {
        if case .keyword(let k) = kind { return k }
        return nil
    }
    func `is`(_ p: Punct) -> Bool {
        if case .punct(let q) = kind { return p == q }
        return false
    }
    func `is`(_ k: Keyword) -> Bool {
        if case .keyword(let q) = kind { return k == q }
        return false
    }
    var isNewline: Bool { if case .newline = kind { return true }; return false }
    var isEnd: Bool { if case .end = kind { return true }; return false }
    var isIndent: Bool { if case .indent = kind { return true }; return false }
    var isDedent: Bool { if case .dedent = kind { return true }; return false }
    var isError: Bool { if case .error = kind { return true }; return false }
}
