import PyInterpreter

/// Shows where a cell raised: the notebook line with a caret under the
/// column, then (for errors inside functions) the frames that led there.
enum ErrorQuote {
    static func details(for error: CellError, in document: NotebookDocument) -> String {
        var out = ""
        if let location = error.location {
            let sourceLine = document.line(location.line) ?? error.sourceLine
            out += quote(sourceLine, line: location.line, column: location.column)
        }
        if error.traceback.count > 1 {
            out += "traceback (most recent call last):\n"
            for frame in error.traceback {
                out += "  \(document.path):\(frame.location.line) in \(frame.function): \(frame.sourceLine)\n"
            }
        }
        return out
    }

    /// ```
    ///    42 |     y = x + "a"
    ///       |         ^
    /// ```
    static func quote(_ sourceLine: String, line: Int, column: Int) -> String {
        let number = String(line)
        let gutter = String(repeating: " ", count: max(0, 5 - number.count)) + number + " | "
        let blankGutter = String(repeating: " ", count: max(5, number.count)) + " | "
        // Keep tabs before the caret so it lines up under tab-indented code.
        var padding = ""
        for scalar in sourceLine.unicodeScalars.prefix(max(0, column - 1)) {
            padding.unicodeScalars.append(scalar == "\t" ? "\t" : " ")
        }
        if column - 1 > sourceLine.unicodeScalars.count {
            padding += String(repeating: " ", count: column - 1 - sourceLine.unicodeScalars.count)
        }
        return gutter + sourceLine + "\n" + blankGutter + padding + "^\n"
    }
}
