import Foundation
import Notebook
import PyInterpreter

/// Plays back the outputs recorded in a notebook instead of interpreting
/// its cells, for the test notebooks that draw fake figures. An `error` cell's recorded last line becomes its
/// exception; a `graph` cell, or a line `figure("NAME")`, draws a fake SVG.
final class ReplayRunner: CellRunner {
    private var recorded: [Int: (output: String, error: CellError?, figures: [CellFigure])] = [:]

    init(path: String) {
        guard let data = FileManager.default.contents(atPath: path),
              let document = try? NotebookDocument.parse([UInt8](data), path: path) else { return }
        for cell in document.cells {
            var output = cell.output?.text ?? ""
            var error: CellError? = nil
            if cell.attributes.expectsError {
                var lines = output.split(separator: "\n", omittingEmptySubsequences: false)
                if lines.last == "" { lines.removeLast() }
                let last = lines.popLast().map(String.init) ?? "RuntimeError"
                let parts = last.split(separator: ":", maxSplits: 1)
                error = CellError(type: String(parts[0]), message: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "",
                                  location: SourceLocation(line: cell.source.firstLine, column: 1))
                output = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
            }
            var figures: [CellFigure] = []
            if cell.attributes.graph != nil { figures.append(CellFigure(kind: .graph, svg: Self.fakeSVG("graph"))) }
            for line in cell.source.code.split(separator: "\n") where line.hasPrefix("figure(\"") {
                figures.append(CellFigure(kind: .plot, svg: Self.fakeSVG(String(line.dropFirst(8).prefix { $0 != "\"" }))))
            }
            recorded[cell.source.firstLine] = (output, error, figures)
        }
    }

    func run(_ cell: CellSource, limits: Limits) -> CellResult {
        guard let entry = recorded[cell.firstLine] else { return CellResult(output: "") }
        return CellResult(output: entry.output, error: entry.error, figures: entry.figures)
    }

    static let factory: CellRunnerFactory = { path, _ in ReplayRunner(path: path) }

    /// A fake figure: a labelled box a test can find by its `data-name`.
    static func fakeSVG(_ name: String) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" class="fake-figure" data-name="\(name)" width="320" height="120" viewBox="0 0 320 120">\
        <rect x="1" y="1" width="318" height="118" rx="8" fill="#eef2fb" stroke="#5470a8"/>\
        <path d="M20 100 L80 60 L140 75 L200 30 L300 20" fill="none" stroke="#c0392b" stroke-width="3"/>\
        <text x="20" y="24" font-family="sans-serif" font-size="14" fill="#223">\(name)</text></svg>
        """
    }
}
