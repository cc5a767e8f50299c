/// GitHub Actions workflow commands, one per problem, so each shows up as an
/// annotation on the notebook line: `::error file=…,line=…,title=…::message`.
/// The summary lines follow, as in the text report.
public enum GitHubReport {
    public static func render(_ report: RunReport) -> String {
        var out = ""
        for error in report.usageErrors {
            out += command(file: error.file, line: error.line, column: error.column, title: "litgrad", message: error.message)
        }
        for notebook in report.notebooks {
            for error in notebook.inputErrors {
                out += command(file: error.file, line: error.line, column: error.column,
                               title: "cannot read notebook", message: error.message)
            }
            for cell in notebook.cells {
                for finding in cell.findings {
                    let message = finding.details.isEmpty ? finding.message : finding.message + "\n" + finding.details
                    out += command(file: notebook.path, line: finding.line, column: finding.column,
                                   title: title(finding), message: message)
                }
            }
        }
        out += report.summaryLine + "\n"
        out += TextReport.footer(report) + "\n"
        return out
    }

    private static func title(_ finding: Finding) -> String {
        switch finding.kind {
        case .raised: return "cell raised " + (finding.message.split(separator: ":").first.map(String.init) ?? "an exception")
        case .didNotRaise: return "cell did not raise"
        case .outputDiffers: return "output differs"
        case .missingOutput: return "missing output"
        case .staleOutput: return "stale output"
        }
    }

    static func command(file: String, line: Int?, column: Int?, title: String, message: String) -> String {
        var properties = ["file=" + escapeProperty(file)]
        if let line { properties.append("line=\(line)") }
        if let column { properties.append("col=\(column)") }
        properties.append("title=" + escapeProperty(title))
        return "::error " + properties.joined(separator: ",") + "::" + escapeData(message) + "\n"
    }

    /// The escaping GitHub's runner undoes for a command's message.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Properties additionally escape `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
