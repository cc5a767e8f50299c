/// What the words after `python` in a cell's info string ask for.
public struct CellAttributes: Equatable, Sendable {
    /// Shown, never run.
    public var noRun = false
    /// Run, but the code is not shown in HTML.
    public var hide = false
    /// Must raise; the output ends with `ExceptionType: message`.
    public var expectsError = false
    /// Draw the computation graph: `.some(nil)` for the cell's last value,
    /// `.some(name)` for a named variable.
    public var graph: String?? = nil
    public var tolerance = Tolerance()
    /// Wall-clock limit for this cell, in seconds.
    public var timeout: Double?

    public init() {}

    /// The languages that make a fenced block a cell.
    static let cellLanguages: Set<Substring> = ["python", "py"]
}

/// Reads cell info strings such as `python norun` or `py rtol=1e-3, graph=loss`.
/// Words are separated by spaces, tabs or commas (rustdoc writes `rust,no_run`).
enum CellInfoParser {
    struct Word {
        var text: Substring
        /// Byte offset of the word inside the info string.
        var offset: Int
    }

    static func words(_ info: Substring) -> [Word] {
        var words: [Word] = []
        var start: Substring.Index? = nil
        var index = info.startIndex
        func isSeparator(_ c: Character) -> Bool { c == " " || c == "\t" || c == "," }
        while index < info.endIndex {
            if isSeparator(info[index]) {
                if let s = start {
                    words.append(Word(text: info[s..<index], offset: info.utf8.distance(from: info.startIndex, to: s)))
                    start = nil
                }
            } else if start == nil {
                start = index
            }
            index = info.index(after: index)
        }
        if let s = start {
            words.append(Word(text: info[s...], offset: info.utf8.distance(from: info.startIndex, to: s)))
        }
        return words
    }

    /// The language word of an info string (its first word), if any.
    static func language(_ info: Substring) -> Substring? {
        words(info).first?.text
    }

    /// Attributes of the words after the language word. Errors carry the
    /// byte offset (inside the info string) of the word they are about.
    static func attributes(_ words: ArraySlice<Word>) -> (CellAttributes, [(offset: Int, message: String)]) {
        var attributes = CellAttributes()
        var errors: [(Int, String)] = []
        var seen: Set<Substring> = []
        // An info string of thousands of bad words reports the first few only
        // (each error costs a column computation across the whole line).
        for word in words where errors.count < maxReportedErrors {
            let parts = word.text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = parts[0]
            let value = parts.count > 1 ? parts[1] : nil
            if !seen.insert(name).inserted {
                errors.append((word.offset, "cell attribute '\(name)' given twice"))
                continue
            }
            switch (name, value) {
            case ("norun", nil): attributes.noRun = true
            case ("hide", nil): attributes.hide = true
            case ("error", nil): attributes.expectsError = true
            case ("graph", nil): attributes.graph = .some(nil)
            case ("graph", let value?):
                if isDottedIdentifier(value) {
                    attributes.graph = .some(String(value))
                } else {
                    errors.append((word.offset, "graph=\(value): expected a variable name such as graph=loss"))
                }
            case ("rtol", let value?), ("atol", let value?):
                if let number = Double(value), number.isFinite, number >= 0 {
                    if name == "rtol" { attributes.tolerance.rtol = number } else { attributes.tolerance.atol = number }
                } else {
                    errors.append((word.offset, "\(name)=\(value): expected a non-negative number such as \(name)=1e-4"))
                }
            case ("timeout", let value?):
                if let seconds = parseSeconds(value) {
                    attributes.timeout = seconds
                } else {
                    errors.append((word.offset, "timeout=\(value): expected a positive number of seconds such as timeout=60"))
                }
            case ("norun", _?), ("hide", _?), ("error", _?):
                errors.append((word.offset, "cell attribute '\(name)' takes no value"))
            case ("rtol", nil), ("atol", nil), ("timeout", nil):
                errors.append((word.offset, "cell attribute '\(name)' needs a value, as in \(name)=…"))
            default:
                errors.append((word.offset, "unknown cell attribute '\(word.text)' (known: norun, hide, error, graph, graph=NAME, rtol=…, atol=…, timeout=…)"))
            }
        }
        return (attributes, errors)
    }

    static let maxReportedErrors = 10

    /// `60`, `2.5` or `60s`.
    static func parseSeconds<S: StringProtocol>(_ text: S) -> Double? {
        let digits = text.hasSuffix("s") ? String(text.dropLast()) : String(text)
        guard let seconds = Double(digits), seconds.isFinite, seconds > 0 else { return nil }
        return seconds
    }

    private static func isDottedIdentifier(_ text: Substring) -> Bool {
        guard !text.isEmpty else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
            return part.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isXIDContinue }
        }
    }
}
