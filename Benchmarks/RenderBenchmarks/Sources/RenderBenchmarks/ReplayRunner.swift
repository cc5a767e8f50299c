import Foundation
import Notebook
import PyInterpreter

/// Plays back a notebook's recorded outputs instead of interpreting its
/// cells: times the rendering alone, whatever the interpreter costs.
final class ReplayRunner: CellRunner {
    private var recorded: [Int: CellResult] = [:]

    init(path: String) {
        guard let data = FileManager.default.contents(atPath: path),
              let document = try? NotebookDocument.parse([UInt8](data), path: path) else { return }
        for cell in document.cells {
            var output = cell.output?.text ?? ""
            var error: CellError? = nil
            if cell.attributes.expectsError {
                var lines = output.split(separator: "\n").map(String.init)
                let last = lines.popLast() ?? "RuntimeError"
                let parts = last.split(separator: ":", maxSplits: 1)
                error = CellError(type: String(parts[0]), message: parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "",
                                  location: SourceLocation(line: cell.source.firstLine, column: 1))
                output = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
            }
            recorded[cell.source.firstLine] = CellResult(output: output, error: error)
        }
    }

    func run(_ cell: CellSource, limits: Limits) -> CellResult {
        recorded[cell.firstLine] ?? CellResult(output: "")
    }

    static let factory: CellRunnerFactory = { path, _ in ReplayRunner(path: path) }
}
