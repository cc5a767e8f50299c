/// `repr()` and `ascii()` of Python strings (CPython's `unicode_repr`).
public enum PyStrRepr {
    /// `repr(s)`: single quotes unless the text has `'` and no `"`;
    /// `\t \n \r \\` and the quote escaped, other non-printable characters
    /// as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
    public static func repr(_ s: String) -> String {
        var hasSingle = false
        var hasDouble = false
        for c in s.unicodeScalars {
            if c == "'" { hasSingle = true } else if c == "\"" { hasDouble = true }
        }
        let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for c in s.unicodeScalars {
            switch c {
            case quote, "\\":
                out.append("\\")
                out.append(c)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            default:
                if c.value < 0x20 || c.value == 0x7F || (!c.isASCII && !isPrintable(c)) {
                    appendEscape(c, to: &out)
                } else {
                    out.append(c)
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `ascii(x)` given `repr(x)`: every non-ASCII character backslash-escaped.
    public static func ascii(fromRepr text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars {
            if c.isASCII { out.append(c) } else { appendEscape(c, to: &out) }
        }
        return String(out)
    }

    /// Python's `str.isprintable()` for one character: everything except
    /// the "Other" and "Separator" categories, but space is printable.
    public static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c == " " { return true }
        switch c.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    private static func appendEscape(_ c: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let (marker, width): (String, Int) = c.value <= 0xFF ? ("\\x", 2) : c.value <= 0xFFFF ? ("\\u", 4) : ("\\U", 8)
        let hex = String(c.value, radix: 16)
        out.append(contentsOf: marker.unicodeScalars)
        out.append(contentsOf: repeatElement("0", count: width - hex.count))
        out.append(contentsOf: hex.unicodeScalars)
    }
}
