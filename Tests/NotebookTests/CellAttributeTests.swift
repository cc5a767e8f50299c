import XCTest
@testable import Notebook

final class CellAttributeTests: XCTestCase {
    private func attributes(_ info: String) throws -> CellAttributes {
        try XCTUnwrap(parse("```\(info)\nx\n```\n").cells.first).attributes
    }

    func testNoAttributes() throws {
        XCTAssertEqual(try attributes("python"), CellAttributes())
    }

    func testEveryAttribute() throws {
        let a = try attributes("python norun hide error graph=loss.grad_fn rtol=1e-3 atol=0.5 timeout=90")
        XCTAssertTrue(a.noRun)
        XCTAssertTrue(a.hide)
        XCTAssertTrue(a.expectsError)
        XCTAssertEqual(a.graph, .some("loss.grad_fn"))
        XCTAssertEqual(a.tolerance, Tolerance(rtol: 1e-3, atol: 0.5))
        XCTAssertEqual(a.timeout, 90)
    }

    func testBareGraphAndCommaSeparators() throws {
        let a = try attributes("py,graph,  hide\ttimeout=2.5s")
        XCTAssertEqual(a.graph, .some(nil))
        XCTAssertTrue(a.hide)
        XCTAssertEqual(a.timeout, 2.5)
    }

    func testUnknownAttributeIsPositioned() {
        XCTAssertEqual(parseErrors("Intro\n\n```python nrun\nx\n```\n").first?.hasPrefix("nb.md:3:11: error: unknown cell attribute 'nrun'"), true)
    }

    func testColumnsCountCharactersAfterIndentedFence() {
        let errors = parseErrors("  ~~~~py hide  bogus\nx\n  ~~~~\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("nb.md:1:16: error: unknown cell attribute 'bogus'"), errors[0])
    }

    func testMalformedValues() {
        let errors = parseErrors("```python rtol=abc atol=-1 timeout=0 graph=1x norun=yes rtol\nx\n```\n")
        XCTAssertEqual(errors, [
            "nb.md:1:11: error: rtol=abc: expected a non-negative number such as rtol=1e-4",
            "nb.md:1:20: error: atol=-1: expected a non-negative number such as atol=1e-4",
            "nb.md:1:28: error: timeout=0: expected a positive number of seconds such as timeout=60",
            "nb.md:1:38: error: graph=1x: expected a variable name such as graph=loss",
            "nb.md:1:47: error: cell attribute 'norun' takes no value",
            "nb.md:1:57: error: cell attribute 'rtol' given twice",
        ])
    }

    func testMissingValueAndDuplicates() {
        XCTAssertEqual(parseErrors("```python timeout hide hide\nx\n```\n"), [
            "nb.md:1:11: error: cell attribute 'timeout' needs a value, as in timeout=…",
            "nb.md:1:24: error: cell attribute 'hide' given twice",
        ])
    }

    func testErrorsInSeveralCellsAreAllReported() {
        let errors = parseErrors("```python a\nx\n```\n\n```python b\ny\n```\n")
        XCTAssertEqual(errors.count, 2)
        XCTAssertTrue(errors[1].hasPrefix("nb.md:5:11: error: unknown cell attribute 'b'"))
    }

    func testUnicodeBeforeTheAttributeCountsAsOneColumn() {
        let errors = parseErrors("```python graph=é x\nx\n```\n")
        XCTAssertTrue(errors.last?.hasPrefix("nb.md:1:19: error: unknown cell attribute 'x'") == true, "\(errors)")
    }

    func testOutputBlockWithExtraWordsIsAnError() {
        XCTAssertEqual(parseErrors("```python\nx\n```\n\n```output extra\ny\n```\n"), [
            "nb.md:5:11: error: unexpected 'extra' after 'output'; an output block's info string is just 'output'",
        ])
    }
}
