import Foundation
import XCTest
import Notebook

/// Notebooks whose recorded outputs came from real PyTorch (made with
/// tools/torch_reference.py): re-running them in Litgrad must print the same
/// text, numbers agreeing to the last printed digit (`check`'s rule; a cell
/// may state a wider rtol with a reason). Adding a notebook adds a case.
final class GoldenNotebookTests: XCTestCase {
    static var folder: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Notebooks")
    }

    /// The bundled lessons are golden too: their outputs are checked exactly.
    static var lessonsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("notebooks")
    }

    func check(_ folder: URL) throws {
        var options = RunOptions(mode: .check)
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
        try check(Self.folder)
    }

    func testBundledLessonsPrintWhatTheyRecord() throws {
        try check(Self.lessonsFolder)
    }
}
