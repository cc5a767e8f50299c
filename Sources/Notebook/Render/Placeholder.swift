/// Tokens that stand in for things cmark must not see (math, cells) while it
/// renders the prose: U+E000, a kind letter, a decimal index, U+E001. cmark
/// treats private-use characters like letters, so a token survives emphasis,
/// escapes and entity handling untouched. A U+E000 the author wrote is itself
/// replaced by a `literal` token, so no text can forge one.
enum Placeholder {
    enum Kind: UInt8 {
        case math = 0x4D     // M
        case cell = 0x43     // C
        case literal = 0x4C  // L: the author's own U+E000
    }

    /// UTF-8 of U+E000 and U+E001.
    static let open: [UInt8] = [0xEE, 0x80, 0x80]
    static let close: [UInt8] = [0xEE, 0x80, 0x81]

    static func append(_ kind: Kind, _ index: Int, to out: inout [UInt8]) {
        out += open
        out.append(kind.rawValue)
        appendDecimal(index, to: &out)
        out += close
    }

    /// Reads a token at `start` (which holds U+E000's first byte); returns
    /// its kind, index and the offset just past it, or nil if the bytes there
    /// are not a whole token.
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (kind: Kind, index: Int, end: Int)? {
        guard start + 7 <= bytes.count, bytes[start] == 0xEE, bytes[start + 1] == 0x80, bytes[start + 2] == 0x80,
              let kind = Kind(rawValue: bytes[start + 3]) else { return nil }
        var position = start + 4
        var index = 0
        var digits = 0
        while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39, digits < 18 {
            index = index * 10 + Int(bytes[position] - 0x30)
            position += 1
            digits += 1
        }
        guard digits > 0, position + 3 <= bytes.count, bytes[position] == 0xEE, bytes[position + 1] == 0x80,
              bytes[position + 2] == 0x81 else { return nil }
        return (kind, index, position + 3)
    }

    private static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendDecimal(value / 10, to: &out) }
        out.append(UInt8(0x30 + value % 10))
    }
}
