/// Colours Python code for a page, at render time: the result is the code,
/// HTML-escaped, with tokens wrapped in `<span class="…">` (short classes in
/// the style of Pygments, so readers' habits and themes carry over):
///
/// | class | what |
/// | --- | --- |
/// | `k` | keyword | `kc` | `True`, `False`, `None` |
/// | `nb` | builtin function or type | `bp` | `self`, `cls` |
/// | `nf` | name after `def` | `nc` | name after `class` |
/// | `nd` | decorator | `s` | string (f-string text too) |
/// | `si` | `{`…`}` of an f-string (the expression inside is highlighted as code) |
/// | `m` | number | `c` | comment |
///
/// Anything unrecognised is copied escaped and unstyled; the highlighter
/// never fails and never drops a byte.
enum PythonHighlighter {
    static func html(_ code: String) -> String {
        var out: [UInt8] = []
        append(code, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func append(_ code: String, to out: inout [UInt8]) {
        var code = code
        code.withUTF8 { text in
            out.reserveCapacity(out.count + text.count * 2)
            var lexer = Lexer(text: text)
            lexer.highlight(0, text.count, into: &out)
        }
    }

    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    static let constants: Set<String> = ["True", "False", "None"]
    static let pseudoNames: Set<String> = ["self", "cls"]
    static let builtins: Set<String> = [
        "abs", "all", "any", "bin", "bool", "bytes", "callable", "chr", "dict", "dir", "divmod", "enumerate",
        "filter", "float", "format", "frozenset", "getattr", "hasattr", "hash", "hex", "id", "input", "int",
        "isinstance", "issubclass", "iter", "len", "list", "map", "max", "min", "next", "object", "oct", "ord",
        "pow", "print", "range", "repr", "reversed", "round", "set", "setattr", "slice", "sorted", "str", "sum",
        "super", "tuple", "type", "vars", "zip",
        "Exception", "ValueError", "TypeError", "RuntimeError", "KeyError", "IndexError", "AttributeError",
        "ZeroDivisionError", "AssertionError", "NameError", "NotImplementedError", "StopIteration",
        "ArithmeticError", "LookupError",
    ]

    private struct Lexer {
        let text: UnsafeBufferPointer<UInt8>
        /// The previous identifier was `def` or `class` (the next name is defined).
        private var defining: String?

        init(text: UnsafeBufferPointer<UInt8>) {
            self.text = text
        }

        mutating func highlight(_ start: Int, _ end: Int, into out: inout [UInt8]) {
            var index = start
            var atLineStart = true
            while index < end {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: "#"):
                    var stop = index
                    while stop < end && text[stop] != 0x0A { stop += 1 }
                    span("c", index, stop, into: &out)
                    index = stop
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    index = string(prefixStart: index, quoteStart: index, end, into: &out)
                case UInt8(ascii: "@") where atLineStart:
                    var stop = index + 1
                    while stop < end && (isIdentifierByte(text[stop]) || text[stop] == UInt8(ascii: ".")) { stop += 1 }
                    if stop > index + 1 { span("nd", index, stop, into: &out) } else { plain(index, stop, into: &out) }
                    index = stop
                case _ where isDigit(byte) || (byte == UInt8(ascii: ".") && index + 1 < end && isDigit(text[index + 1])):
                    let stop = numberEnd(index, end)
                    span("m", index, stop, into: &out)
                    index = stop
                case _ where isIdentifierStart(byte):
                    var stop = index
                    while stop < end && isIdentifierByte(text[stop]) { stop += 1 }
                    if stop < end && (text[stop] == UInt8(ascii: "\"") || text[stop] == UInt8(ascii: "'")),
                       isStringPrefix(index, stop) {
                        index = string(prefixStart: index, quoteStart: stop, end, into: &out)
                    } else {
                        word(index, stop, into: &out)
                        index = stop
                    }
                default:
                    plain(index, index + 1, into: &out)
                    index += 1
                }
                if byte == 0x0A {
                    atLineStart = true
                } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    atLineStart = false
                }
            }
        }

        // MARK: words and numbers

        private mutating func word(_ start: Int, _ end: Int, into out: inout [UInt8]) {
            let name = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
            let afterDot = previousNonSpace(before: start) == UInt8(ascii: ".")
            let style: String?
            if let definer = defining {
                style = definer == "class" ? "nc" : "nf"
                defining = nil
            } else if PythonHighlighter.keywords.contains(name) {
                style = "k"
                if name == "def" || name == "class" { defining = name }
            } else if PythonHighlighter.constants.contains(name) {
                style = "kc"
            } else if afterDot {
                style = nil
            } else if PythonHighlighter.pseudoNames.contains(name) {
                style = "bp"
            } else if PythonHighlighter.builtins.contains(name) {
                style = "nb"
            } else {
                style = nil
            }
            if let style { span(style, start, end, into: &out) } else { plain(start, end, into: &out) }
        }

        private func previousNonSpace(before index: Int) -> UInt8? {
            var position = index - 1
            while position >= 0 && (text[position] == 0x20 || text[position] == 0x09) { position -= 1 }
            return position >= 0 ? text[position] : nil
        }

        /// Decimal, hexadecimal, octal and binary integers, floats with
        /// exponents, `_` separators and the imaginary `j`.
        private func numberEnd(_ start: Int, _ end: Int) -> Int {
            var index = start
            if text[index] == UInt8(ascii: "0"), index + 1 < end,
               [UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "b"), UInt8(ascii: "B")]
                .contains(text[index + 1]) {
                index += 2
                while index < end && (isHexDigit(text[index]) || text[index] == UInt8(ascii: "_")) { index += 1 }
                return index
            }
            while index < end && (isDigit(text[index]) || text[index] == UInt8(ascii: "_")) { index += 1 }
            if index < end && text[index] == UInt8(ascii: ".") {
                index += 1
                while index < end && (isDigit(text[index]) || text[index] == UInt8(ascii: "_")) { index += 1 }
            }
            if index < end && (text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E")) {
                var exponent = index + 1
                if exponent < end && (text[exponent] == UInt8(ascii: "+") || text[exponent] == UInt8(ascii: "-")) { exponent += 1 }
                if exponent < end && isDigit(text[exponent]) {
                    index = exponent
                    while index < end && (isDigit(text[index]) || text[index] == UInt8(ascii: "_")) { index += 1 }
                }
            }
            if index < end && (text[index] == UInt8(ascii: "j") || text[index] == UInt8(ascii: "J")) { index += 1 }
            return index
        }

        // MARK: strings

        /// `r`, `u`, `f`, `b` and the two-letter mixes Python allows.
        private func isStringPrefix(_ start: Int, _ end: Int) -> Bool {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self).lowercased()
            return ["r", "u", "f", "b", "br", "rb", "fr", "rf"].contains(prefix)
        }

        /// Highlights the string literal whose prefix starts at `prefixStart`
        /// and whose quotes start at `quoteStart`; returns the offset past it.
        /// An unterminated string runs to the end of its line (or of the
        /// code, for triple quotes), as far as Python's tokenizer would read it.
        private mutating func string(prefixStart: Int, quoteStart: Int, _ end: Int, into out: inout [UInt8]) -> Int {
            let prefix = String(decoding: UnsafeBufferPointer(rebasing: text[prefixStart..<quoteStart]), as: UTF8.self).lowercased()
            let formatted = prefix.contains("f")
            let quote = text[quoteStart]
            let triple = quoteStart + 2 < end && text[quoteStart + 1] == quote && text[quoteStart + 2] == quote
            let quoteLength = triple ? 3 : 1
            var index = quoteStart + quoteLength
            var pieceStart = prefixStart
            out.append("<span class=\"s\">")
            while index < end {
                let byte = text[index]
                if byte == UInt8(ascii: "\\") {
                    // Even in a raw string a backslash keeps the next quote from closing it.
                    index = min(end, index + 2)
                    continue
                }
                if byte == quote && (!triple || (index + 2 < end && text[index + 1] == quote && text[index + 2] == quote)) {
                    index += quoteLength
                    break
                }
                if byte == 0x0A && !triple { break }
                if formatted && byte == UInt8(ascii: "{") {
                    if index + 1 < end && text[index + 1] == UInt8(ascii: "{") { index += 2; continue }
                    let fieldEnd = replacementFieldEnd(index + 1, end, quote: quote, triple: triple)
                    plain(pieceStart, index, into: &out)
                    out.append("</span>")
                    replacementField(index, fieldEnd, into: &out)
                    out.append("<span class=\"s\">")
                    index = fieldEnd
                    pieceStart = index
                    continue
                }
                index += 1
            }
            plain(pieceStart, index, into: &out)
            out.append("</span>")
            return index
        }

        /// Past the `}` closing the replacement field whose content starts at
        /// `start`: brackets nest, strings inside are skipped, and the field
        /// ends early at the f-string's own closing quote.
        private func replacementFieldEnd(_ start: Int, _ end: Int, quote: UInt8, triple: Bool) -> Int {
            var depth = 0
            var index = start
            while index < end {
                let byte = text[index]
                switch byte {
                case UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"):
                    depth = max(0, depth - 1)
                case UInt8(ascii: "}"):
                    if depth == 0 { return index + 1 }
                    depth -= 1
                case 0x0A where !triple:
                    return index
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if byte == quote && !triple { return index }
                    var close = index + 1
                    while close < end && text[close] != byte && text[close] != 0x0A { close += 1 }
                    index = close
                default:
                    break
                }
                index += 1
            }
            return end
        }

        /// `{expression!r:spec}`: braces as `si`, the expression as code, the
        /// conversion and format spec as string text.
        private mutating func replacementField(_ start: Int, _ end: Int, into out: inout [UInt8]) {
            let closes = end > start + 1 && text[end - 1] == UInt8(ascii: "}")
            let contentEnd = closes ? end - 1 : end
            var expressionEnd = start + 1
            var depth = 0
            scan: while expressionEnd < contentEnd {
                switch text[expressionEnd] {
                case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
                case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                case UInt8(ascii: "!") where depth == 0 && !(expressionEnd + 1 < contentEnd && text[expressionEnd + 1] == UInt8(ascii: "=")):
                    break scan
                case UInt8(ascii: ":") where depth == 0:
                    break scan
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    let quote = text[expressionEnd]
                    var close = expressionEnd + 1
                    while close < contentEnd && text[close] != quote { close += 1 }
                    expressionEnd = close
                default: break
                }
                expressionEnd += 1
            }
            expressionEnd = min(expressionEnd, contentEnd)
            span("si", start, start + 1, into: &out)
            var inner = Lexer(text: text)
            inner.highlight(start + 1, expressionEnd, into: &out)
            if expressionEnd < contentEnd { span("s", expressionEnd, contentEnd, into: &out) }
            if closes { span("si", end - 1, end, into: &out) }
        }

        // MARK: output

        private func span(_ style: String, _ start: Int, _ end: Int, into out: inout [UInt8]) {
            out.append("<span class=\"\(style)\">")
            plain(start, end, into: &out)
            out.append("</span>")
        }

        private func plain(_ start: Int, _ end: Int, into out: inout [UInt8]) {
            guard start < end else { return }
            HTMLEscaping.appendEscapedText(UnsafeBufferPointer(rebasing: text[start..<end]), to: &out)
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        private func isHexDigit(_ byte: UInt8) -> Bool {
            isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)
        }

        /// ASCII letters, `_`, and any byte of a non-ASCII character (Python
        /// names may be written in any script).
        private func isIdentifierStart(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
        }

        private func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
    }
}
