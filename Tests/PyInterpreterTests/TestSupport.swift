import XCTest
@testable import PyInterpreter

/// Runs cells in one session and compares with outputs recorded from CPython 3.11.
class InterpreterTestCase: XCTestCase {
    var session: NotebookSession!

    override func setUp() {
        super.setUp()
        session = NotebookSession(fileName: "test.md")
    }

    @discardableResult
    func run(_ code: String, firstLine: Int = 1, file: StaticString = #filePath, line: UInt = #line) -> CellResult {
        session.run(CellSource(code: code, firstLine: firstLine))
    }

    /// The cell prints `expected` and raises nothing.
    func assertOutput(_ code: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        let r = run(code)
        if let e = r.error {
            XCTFail("unexpected \(e.summary) at \(e.location.map { "\($0.line):\($0.column)" } ?? "?")\n\(r.output)", file: file, line: line)
            return
        }
        XCTAssertEqual(r.output, expected, file: file, line: line)
    }

    /// The cell raises `summary` (`Type: message`), after printing `output` if given.
    func assertError(_ code: String, _ summary: String, output: String? = nil, at position: (Int, Int)? = nil, file: StaticString = #filePath, line: UInt = #line) {
        let r = run(code)
        guard let e = r.error else {
            XCTFail("expected \(summary), got output \(r.output)", file: file, line: line)
            return
        }
        XCTAssertEqual(e.summary, summary, file: file, line: line)
        if let o = output { XCTAssertEqual(r.output, o, file: file, line: line) }
        if let (l, c) = position {
            XCTAssertEqual(e.location?.line, l, "line", file: file, line: line)
            XCTAssertEqual(e.location?.column, c, "column", file: file, line: line)
        }
    }
}
