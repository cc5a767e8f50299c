import Foundation
import XCTest
import Notebook

/// Notebooks whose recorded outputs came from real PyTorch (made with
/// tools/torch_reference.py): re-running them in Litgrad must print exactly
/// the same bytes. Adding a notebook to `Notebooks/` adds a case.
final class GoldenNotebookTests: XCTestCase {
    static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Notebooks")
    }

    /// The bundled lessons are golden too: their outputs are checked exactly.
    static var lessonsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("notebooks")
    }

    func checkExactly(_ folder: URL) throws {
        var options = RunOptions(mode: .check)
        options.exact = true
        options.jobs = 2
        let report = Runner.run(paths: [folder.path], options: options)
        XCTAssertFalse(report.notebooks.isEmpty, "no notebooks under \(folder.path)")
        for notebook in report.notebooks {
            for cell in notebook.cells where cell.status == .failed {
                let text = cell.findings.map { "\($0.message)\n\($0.details)" }.joined(separator: "\n")
                XCTFail("\(notebook.path):\(cell.line): \(text)")
            }
        }
        XCTAssertEqual(report.exitCode, 0, TextReport.render(report))
    }

    func testGoldenNotebooksPrintWhatPyTorchPrinted() throws {
        try checkExactly(Self.folder)
    }

    func testBundledLessonsPrintExactly() throws {
        try checkExactly(Self.lessonsFolder)
    }
}
