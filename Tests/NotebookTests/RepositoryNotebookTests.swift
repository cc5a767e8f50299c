import Foundation
import XCTest
import PyInterpreter
@testable import Notebook

/// The lessons and golden notebooks of this repository, replayed through a
/// fake session that prints exactly what each block records: a run must
/// leave them untouched, and deleting their outputs then running must
/// restore them byte for byte.
final class RepositoryNotebookTests: XCTestCase {
    private var repositoryNotebooks: [String] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let found = NotebookFinder.find([root.appendingPathComponent("notebooks").path,
                                         root.appendingPathComponent("Tests/GoldenTests/Notebooks").path])
        return found.notebooks
    }

    func testRecordedOutputsSurviveRunAndDeleteRoundTrip() throws {
        let paths = repositoryNotebooks
        if paths.isEmpty { throw XCTSkip("no notebooks in this checkout") }
        for path in paths {
            let original = try NotebookFile.read(path)
            let document = try NotebookDocument.parse(original, path: path)
            let replay = Self.replaying(document)

            let (report, rerun) = try process(bytes: original, path: path) { $0.makeRunner = replay }
            XCTAssertEqual(report.failed, 0, "\(path): \(report.cells.flatMap(\.findings))")
            XCTAssertNil(rerun, "\(path) changed on a run that printed what it records")

            var removals: [ByteEdit] = []
            for cell in document.cells where !cell.attributes.expectsError {
                if let block = cell.output { removals.append(OutputBlockWriter.removal(of: block, after: cell)) }
            }
            let stripped = OutputBlockWriter.apply(removals, to: original)
            let (_, restored) = try process(bytes: stripped, path: path) { $0.makeRunner = replay }
            XCTAssertTrue((restored ?? stripped) == original, "\(path) was not restored byte for byte")
        }
    }

    /// A session whose n-th cell prints what `document` records for its n-th
    /// runnable cell; an `error` cell's last recorded line becomes its exception.
    private static func replaying(_ document: NotebookDocument) -> CellRunnerFactory {
        let recorded = document.cells.filter { !$0.attributes.noRun }.map { ($0.output?.text ?? "", $0.attributes.expectsError) }
        return { name, limits in
            let runner = FakeCellRunner(fileName: name, limits: limits)
            runner.canned = { [unowned runner] _ in
                let index = runner.cells.count - 1
                guard index < recorded.count else { return CellResult(output: "") }
                let (text, raises) = recorded[index]
                guard raises else { return CellResult(output: text) }
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                let last = lines.popLast() ?? ""
                let parts = last.split(separator: ":", maxSplits: 1)
                let message = parts.count > 1 ? String(parts[1].dropFirst()) : ""
                let printed = lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
                return CellResult(output: printed, error: CellError(type: String(parts.first ?? ""), message: message, location: nil))
            }
            return runner
        }
    }
}
