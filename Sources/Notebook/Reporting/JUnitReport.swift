import Foundation

/// JUnit XML for CI dashboards: one `<testsuite>` per notebook, one
/// `<testcase>` per cell, the finding and its diff as the failure text.
public enum JUnitReport {
    public static func render(_ report: RunReport) -> String {
        let errors = report.notebooks.filter { !$0.inputErrors.isEmpty }.count + (report.usageErrors.isEmpty ? 0 : 1)
        let tests = report.passed + report.failed + report.skipped + errors
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"litgrad\" tests=\"\(tests)\" failures=\"\(report.failed)\" errors=\"\(errors)\""
            + " skipped=\"\(report.skipped)\" time=\"\(seconds(report.duration))\">\n"
        if !report.usageErrors.isEmpty {
            out += "  <testsuite name=\"arguments\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
            out += "    <testcase classname=\"arguments\" name=\"paths\" time=\"0\">\n"
            let text = report.usageErrors.map(\.description).joined(separator: "\n")
            out += "      <error message=\"\(escape(report.usageErrors[0].message))\">\(escape(text))</error>\n"
            out += "    </testcase>\n  </testsuite>\n"
        }
        for notebook in report.notebooks {
            out += suite(notebook)
        }
        out += "</testsuites>\n"
        return out
    }

    private static func suite(_ notebook: NotebookReport) -> String {
        let name = escape(notebook.path)
        let errors = notebook.inputErrors.isEmpty ? 0 : 1
        var out = "  <testsuite name=\"\(name)\" tests=\"\(notebook.cells.count + errors)\" failures=\"\(notebook.failed)\""
            + " errors=\"\(errors)\" skipped=\"\(notebook.skipped)\" time=\"\(seconds(notebook.duration))\">\n"
        if let first = notebook.inputErrors.first {
            let text = notebook.inputErrors.map(\.description).joined(separator: "\n")
            out += "    <testcase classname=\"\(name)\" name=\"read notebook\" time=\"0\">\n"
            out += "      <error message=\"\(escape(first.message))\">\(escape(text))</error>\n"
            out += "    </testcase>\n"
        }
        for cell in notebook.cells {
            out += "    <testcase classname=\"\(name)\" name=\"cell \(cell.index + 1) (line \(cell.line))\" time=\"\(seconds(cell.duration))\""
            switch cell.status {
            case .passed:
                out += "/>\n"
            case .skipped:
                out += ">\n      <skipped message=\"norun\"/>\n    </testcase>\n"
            case .failed:
                out += ">\n"
                for finding in cell.findings {
                    let position = "\(notebook.path):\(finding.line)" + (finding.column.map { ":\($0)" } ?? "")
                    let body = position + ": " + finding.message + "\n" + finding.details
                    out += "      <failure message=\"\(escape(finding.message))\" type=\"\(finding.kind.rawValue)\">"
                        + escape(body) + "</failure>\n"
                }
                out += "    </testcase>\n"
            }
        }
        out += "  </testsuite>\n"
        return out
    }

    private static func seconds(_ value: Double) -> String {
        String(format: "%.3f", value)
    }

    /// Escapes markup and drops what XML 1.0 cannot hold at all (most C0
    /// controls, such as the ESC of a colour code a cell printed).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            case "\r": out += "&#13;"
            default:
                let value = scalar.value
                if value < 0x20 || value == 0xFFFE || value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
