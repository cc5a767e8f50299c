import XCTest
import PyInterpreter
@testable import Notebook

final class LessonTemplateTests: XCTestCase {
    func testTemplateIsANotebookWithOneRecordedCell() throws {
        let doc = try parse(LessonTemplate.text(title: "Gradients \"quoted\" \\ and: colons #1"))
        XCTAssertEqual(doc.frontMatter.title, "Gradients \"quoted\" \\ and: colons #1")
        XCTAssertEqual(doc.frontMatter.summary, "One sentence on what this lesson teaches.")
        XCTAssertEqual(doc.cells.count, 1)
        XCTAssertEqual(doc.cells[0].source.code, LessonTemplate.firstCell)
        XCTAssertEqual(doc.cells[0].output?.text, LessonTemplate.firstCellOutput)
        XCTAssertTrue(doc.line(6)?.hasPrefix("# Gradients") == true)
    }

    func testTemplatePassesCheckWithTheRealInterpreter() throws {
        let session = NotebookSession(fileName: "probe.md")
        if let error = session.run(CellSource(code: "x = 1", firstLine: 1)).error, error.type == "NotImplementedError" {
            throw XCTSkip("the interpreter has not landed in this branch yet")
        }
        let (report, _) = try process(LessonTemplate.text(title: "T"), mode: .check) { $0.makeRunner = CellRunners.interpreter }
        XCTAssertEqual(report.cells.map(\.status), [.passed], "\(report.cells.flatMap(\.findings))")
    }

    func testCreateRejectsBadTitlesAndMissingFolders() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        XCTAssertThrowsError(try LessonTemplate.create(at: folder.url("a.md"), title: "  ")) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "the title is empty; give one with --title \"…\"")
        }
        XCTAssertThrowsError(try LessonTemplate.create(at: folder.url("a.md"), title: "two\nlines"))
        XCTAssertThrowsError(try LessonTemplate.create(at: folder.url("nope/a.md"), title: "T")) { error in
            XCTAssertTrue((error as? Diagnostic)?.message.hasPrefix("folder '") == true)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.url("a.md")))
    }
}
