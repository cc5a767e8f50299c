/// Escaping for text and attribute values written into SVG, and into the
/// HTML-like labels of Graphviz (which take the same entities).
enum MarkupText {
    /// `&`, `<`, `>`, quotes as entities; control characters (not allowed in
    /// XML) as spaces.
    static func escaped(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += " "
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

/// Ids for elements of figures that share one HTML page.
enum SVGIdentifier {
    /// `prefix` with every character outside `[A-Za-z0-9_-]` replaced by `_`,
    /// starting with a letter (an `f` is put in front otherwise).
    static func sanitized(_ prefix: String) -> String {
        var result = ""
        for scalar in prefix.unicodeScalars {
            let allowed = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
                || (scalar >= "0" && scalar <= "9") || scalar == "_" || scalar == "-"
            result.unicodeScalars.append(allowed ? scalar : "_")
        }
        if let first = result.unicodeScalars.first,
           (first >= "a" && first <= "z") || (first >= "A" && first <= "Z") {
            return result
        }
        return "f" + result
    }
}
