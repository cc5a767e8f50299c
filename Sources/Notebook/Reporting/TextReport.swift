/// The human-readable report of a run or check: each problem as
/// `file:line:col: error: …` or `file:line: output differs` with its details,
/// then the summary line `N passed, N failed, N skipped` on its own line and
/// a line with the notebook count and time.
public enum TextReport {
    public static func render(_ report: RunReport, color: Bool = false, quiet: Bool = false) -> String {
        let paint = Paint(enabled: color)
        var blocks: [String] = []
        for error in report.usageErrors {
            blocks.append(headline(error.description, paint) + "\n")
        }
        for notebook in report.notebooks {
            for error in notebook.inputErrors {
                blocks.append(headline(error.description, paint) + "\n")
            }
            for cell in notebook.cells {
                for finding in cell.findings {
                    blocks.append(render(finding, path: notebook.path, paint: paint))
                }
            }
            if report.mode == .run && notebook.updatedBlocks > 0 && !quiet {
                let noun = notebook.updatedBlocks == 1 ? "output block" : "output blocks"
                blocks.append("\(notebook.path): updated \(notebook.updatedBlocks) \(noun)\n")
            }
        }
        var out = blocks.joined(separator: "\n")
        if !blocks.isEmpty { out += "\n" }
        out += report.summaryLine + "\n"
        out += footer(report) + "\n"
        return out
    }

    static func render(_ finding: Finding, path: String, paint: Paint) -> String {
        let position: String
        if finding.isError {
            position = "\(path):\(finding.line):\(finding.column ?? 1): error: \(finding.message)"
        } else {
            position = "\(path):\(finding.line): \(finding.message)"
        }
        return headline(position, paint) + "\n" + colorDetails(finding.details, paint)
    }

    /// `3 notebooks in 1.25s` (with what was updated, after `run`).
    static func footer(_ report: RunReport) -> String {
        let count = report.notebooks.count
        var text = "\(count) notebook\(count == 1 ? "" : "s") in \(formatSeconds(report.duration))"
        if report.mode == .run {
            let updated = report.notebooks.filter { $0.updatedBlocks > 0 }.count
            text += ", \(updated) updated"
        }
        return text
    }

    static func formatSeconds(_ seconds: Double) -> String {
        let hundredths = Int((seconds * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)s"
    }

    private static func headline(_ text: String, _ paint: Paint) -> String {
        guard paint.enabled else { return text }
        if let range = text.range(of: ": error: ") {
            return paint.bold(String(text[..<range.lowerBound]) + ":") + " " + paint.red("error:")
                + " " + paint.bold(String(text[range.upperBound...]))
        }
        return paint.bold(text)
    }

    /// Colours diff lines; leaves other details (source quotes) plain.
    private static func colorDetails(_ details: String, _ paint: Paint) -> String {
        guard paint.enabled, !details.isEmpty else { return details }
        var out = ""
        for line in details.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            let text = String(line)
            if text.hasPrefix("---") || text.hasPrefix("+++") {
                out += paint.bold(text)
            } else if text.hasPrefix("@@") {
                out += paint.cyan(text)
            } else if text.hasPrefix("-") {
                out += paint.red(text)
            } else if text.hasPrefix("+") {
                out += paint.green(text)
            } else {
                out += text
            }
            out += "\n"
        }
        return out
    }
}
