/// Escaping text for HTML. Everything that comes from a notebook (code,
/// outputs, TeX, titles) passes through here before it reaches a page.
enum HTMLEscaping {
    /// Escapes `&`, `<`, `>` and `"`, so the result is safe both as element
    /// content and inside a double-quoted attribute.
    static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        appendEscaped(text.utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendEscaped<Bytes: Sequence>(_ text: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            case UInt8(ascii: "\""): out += "&quot;".utf8
            default: out.append(byte)
            }
        }
    }

    /// Escapes `&`, `<` and `>`: enough for element content (never for an
    /// attribute), and code keeps its quotes readable in the page source.
    static func appendEscapedText<Bytes: Sequence>(_ text: Bytes, to out: inout [UInt8]) where Bytes.Element == UInt8 {
        for byte in text {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;".utf8
            case UInt8(ascii: "<"): out += "&lt;".utf8
            case UInt8(ascii: ">"): out += "&gt;".utf8
            default: out.append(byte)
            }
        }
    }
}

extension Array where Element == UInt8 {
    mutating func append(_ text: String) {
        append(contentsOf: text.utf8)
    }

    mutating func appendEscaped(_ text: String) {
        HTMLEscaping.appendEscaped(text.utf8, to: &self)
    }
}
