/// Splits one line of output into numbers and the text between them, the
/// way a reader sees `tensor([-4800.,  33.2000])`: `tensor([`, `-4800.`,
/// `,  `, `33.2000`, `])`.
///
/// A number starts where no letter, digit, `_` or `.` comes right before
/// it (so `MulBackward0`, `float32` and `conv1` stay text) and must not run
/// into a letter after it (so `3x` is text). `nan`, `inf` and `-inf` are
/// numbers only as whole words.
enum OutputTokenizer {
    struct NumberToken {
        /// Byte range inside the line.
        var range: Range<Int>
        var value: Double
        /// Weight of the last written digit: `0.0001` for `33.2000`, `1` for
        /// `-4800.`, `1e-9` for `1.0000e-05`; nil for integers and nan/inf,
        /// which must match exactly.
        var lastDigitUnit: Double?
    }

    static func numbers(in line: ArraySlice<UInt8>) -> [NumberToken] {
        var tokens: [NumberToken] = []
        var i = line.startIndex
        while i < line.endIndex {
            if let previous = i > line.startIndex ? line[i - 1] : nil, isWordByte(previous) || previous == UInt8(ascii: ".") {
                i += 1
                continue
            }
            if let token = number(in: line, at: i) {
                tokens.append(token)
                i = line.startIndex + token.range.upperBound
            } else {
                i += 1
            }
        }
        return tokens
    }

    private static func number(in line: ArraySlice<UInt8>, at start: Int) -> NumberToken? {
        var i = start
        let negative = line[i] == UInt8(ascii: "-")
        if negative || line[i] == UInt8(ascii: "+") { i += 1 }
        guard i < line.endIndex else { return nil }

        for (word, value) in [("nan", Double.nan), ("inf", Double.infinity)] where matches(word, in: line, at: i) {
            let end = i + 3
            if end < line.endIndex && isWordByte(line[end]) { return nil }
            return NumberToken(range: (start - line.startIndex)..<(end - line.startIndex),
                               value: negative ? -value : value, lastDigitUnit: nil)
        }

        let integerStart = i
        while i < line.endIndex && isDigit(line[i]) { i += 1 }
        guard i > integerStart else { return nil }
        var fractionDigits = 0
        var hasPoint = false
        if i < line.endIndex && line[i] == UInt8(ascii: ".") {
            hasPoint = true
            i += 1
            while i < line.endIndex && isDigit(line[i]) { i += 1; fractionDigits += 1 }
        }
        var exponent = 0
        var hasExponent = false
        if i < line.endIndex && (line[i] == UInt8(ascii: "e") || line[i] == UInt8(ascii: "E")) {
            var j = i + 1
            var exponentNegative = false
            if j < line.endIndex && (line[j] == UInt8(ascii: "+") || line[j] == UInt8(ascii: "-")) {
                exponentNegative = line[j] == UInt8(ascii: "-")
                j += 1
            }
            let digitsStart = j
            var value = 0
            while j < line.endIndex && isDigit(line[j]) {
                value = min(value * 10 + Int(line[j] - 0x30), 100_000)
                j += 1
            }
            if j > digitsStart {
                hasExponent = true
                exponent = exponentNegative ? -value : value
                i = j
            }
        }
        if i < line.endIndex && (isWordByte(line[i]) || (line[i] == UInt8(ascii: ".") && hasPoint)) { return nil }

        let text = String(decoding: line[start..<i], as: UTF8.self)
        guard let value = Double(text) else { return nil }
        let unit: Double? = (hasPoint || hasExponent) ? pow10(exponent - fractionDigits) : nil
        return NumberToken(range: (start - line.startIndex)..<(i - line.startIndex), value: value, lastDigitUnit: unit)
    }

    private static func pow10(_ exponent: Int) -> Double {
        Double("1e\(exponent)") ?? 0
    }

    private static func matches(_ word: String, in line: ArraySlice<UInt8>, at i: Int) -> Bool {
        var j = i
        for byte in word.utf8 {
            guard j < line.endIndex, line[j] == byte else { return false }
            j += 1
        }
        return true
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Letters, digits, `_`, and any non-ASCII byte (identifiers may be Unicode).
    static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
