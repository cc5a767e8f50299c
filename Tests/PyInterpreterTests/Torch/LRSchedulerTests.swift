import Foundation
import XCTest
@testable import PyInterpreter

/// torch.optim.lr_scheduler cells against what PyTorch printed, raised and
/// warned (Fixtures/lr_scheduler_cases.json, from generate_lr_scheduler_cases.py).
final class LRSchedulerTests: XCTestCase {
    private struct Fixture: Decodable {
        let prelude: String
        let cases: [Case]
    }

    private struct Case: Decodable {
        let name: String
        let code: String
        let output: String
        let error: String?
        let warnings: [String]
    }

    private static func load() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/lr_scheduler_cases.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    /// `file:line: Category: message` with the fixture's `where` (`cell`, or a file's base name), source line dropped.
    private func normalized(_ warning: String) -> String {
        var text = warning
        if let source = text.range(of: "\n  ", options: .backwards) { text = String(text[..<source.lowerBound]) }
        if text.hasPrefix("test.md:") { return "cell:" + text.dropFirst("test.md:".count) }
        if let colon = text.firstIndex(of: ":"), let slash = text[..<colon].lastIndex(of: "/") {
            return String(text[text.index(after: slash)...])
        }
        return text
    }

    func testCellsPrintRaiseAndWarnLikePyTorch() throws {
        let fixture = try Self.load()
        XCTAssertGreaterThan(fixture.cases.count, 50)
        for c in fixture.cases {
            let session = NotebookSession(fileName: "test.md")
            let prelude = session.run(CellSource(code: fixture.prelude, firstLine: 1))
            XCTAssertNil(prelude.error, "prelude")
            let r = session.run(CellSource(code: c.code, firstLine: 1))
            XCTAssertEqual(r.output, c.output, c.name)
            XCTAssertEqual(r.error?.summary, c.error, c.name)
            XCTAssertEqual(r.warnings.map(normalized), c.warnings, c.name)
        }
    }
}
