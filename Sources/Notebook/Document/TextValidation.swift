/// Checks a notebook's bytes before anything parses them: cmark would quietly
/// replace a NUL or an invalid UTF-8 sequence, and then byte ranges and the
/// text a cell sees would no longer agree with the file.
enum TextValidation {
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Length of a leading UTF-8 byte order mark (0 or 3).
    static func byteOrderMarkLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: byteOrderMark) ? 3 : 0
    }

    /// A positioned error for the first NUL byte or invalid UTF-8 sequence, or nil.
    static func firstProblem(in bytes: [UInt8], file: String) -> Diagnostic? {
        var line = 1
        var lineStart = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                if byte == 0 {
                    return problem("NUL byte", at: i, line: line, lineStart: lineStart, bytes: bytes, file: file)
                }
                if byte == 0x0A || (byte == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
                continue
            }
            let length = validSequenceLength(bytes, at: i)
            if length == 0 {
                return problem("invalid UTF-8 byte 0x" + String(byte, radix: 16, uppercase: true),
                               at: i, line: line, lineStart: lineStart, bytes: bytes, file: file)
            }
            i += length
        }
        return nil
    }

    private static func problem(_ what: String, at offset: Int, line: Int, lineStart: Int, bytes: [UInt8], file: String) -> Diagnostic {
        let column = scalarColumn(of: offset, lineStart: lineStart, in: bytes)
        return Diagnostic(file: file, line: line, column: column,
                          message: "\(what); a notebook must be UTF-8 text without NUL bytes (nothing was written)")
    }

    /// 1-based column of `offset`, counting Unicode scalars (UTF-8 lead bytes) from `lineStart`.
    static func scalarColumn(of offset: Int, lineStart: Int, in bytes: [UInt8]) -> Int {
        var column = 1
        var i = lineStart
        while i < offset {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// Length of the well-formed UTF-8 sequence starting at `i` (Unicode's
    /// table 3-7: no overlongs, no surrogates, nothing past U+10FFFF), or 0.
    private static func validSequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let lead = bytes[i]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard i + length <= bytes.count else { return 0 }
        for k in 1..<length {
            let byte = bytes[i + k]
            let (min, max) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            if byte < min || byte > max { return 0 }
        }
        return length
    }
}
