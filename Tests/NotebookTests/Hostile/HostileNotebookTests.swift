import XCTest
@testable import Notebook

/// Hostile notebooks found by auditing the runner.
final class HostileNotebookTests: XCTestCase {
    /// An info string of 100,000 repeated words reported 100,000 errors, each
    /// positioned by scanning the line: 25 s and 200,000 lines of output.
    func testThousandsOfBadAttributesReportTheFirstFew() {
        let info = "python " + String(repeating: "hide ", count: 100_000)
        let errors = parseErrors("```\(info)\nprint(1)\n```\n")
        XCTAssertEqual(errors.count, CellInfoParser.maxReportedErrors)
        XCTAssertEqual(errors.first, "nb.md:1:16: error: cell attribute 'hide' given twice")
    }
}
