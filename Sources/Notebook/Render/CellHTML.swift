/// The HTML of one cell: its highlighted code (unless `hide`), a "not run"
/// marker for `norun` cells, the output, an `error` cell's exception, and
/// the figures, in that order. Code and outputs are escaped.
enum CellHTML {
    static func render(_ rendered: RenderedCell) -> [UInt8] {
        let hidden = rendered.cell.attributes.hide
        let showsCode = !hidden
        let hasOutput = !rendered.output.isEmpty
        guard showsCode || hasOutput || rendered.errorSummary != nil || !rendered.figures.isEmpty else { return [] }

        var out: [UInt8] = []
        var classes = "cell"
        if !rendered.ran { classes += " cell-norun" }
        if rendered.errorSummary != nil { classes += " cell-raises" }
        if hidden { classes += " cell-hidden" }
        out.append("<div class=\"\(classes)\">\n")
        if showsCode {
            if !rendered.ran {
                out.append("<p class=\"cell-marker\">not run</p>\n")
            }
            out.append("<pre class=\"cell-code\"><code class=\"language-python\">")
            PythonHighlighter.append(rendered.cell.source.code, to: &out)
            out.append("</code></pre>\n")
        }
        if hasOutput {
            out.append("<pre class=\"cell-output\"><code>")
            out.appendEscaped(withoutFinalNewline(rendered.output))
            out.append("</code></pre>\n")
        }
        if let error = rendered.errorSummary {
            out.append("<pre class=\"cell-output cell-error\"><code>")
            out.appendEscaped(error)
            out.append("</code></pre>\n")
        }
        for svg in rendered.figures {
            out.append("<figure class=\"cell-figure\">")
            out.append(svg)
            out.append("</figure>\n")
        }
        out.append("</div>\n")
        return out
    }

    private static func withoutFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
