import XCTest
import PyInterpreter
@testable import Notebook

final class NotebookRunTests: XCTestCase {
    func testCheckPassesWhenOutputsMatch() throws {
        let (report, written) = try process("```python\nprint(\"a\")\n```\n\n```output\na\n```\n\n```python\nx\n```\n", mode: .check)
        XCTAssertNil(written)
        XCTAssertEqual(report.cells.map(\.status), [.passed, .passed])
    }

    func testCheckReportsDifferingOutputWithDiffAtTheBlockLine() throws {
        let (report, _) = try process("```python\nprint(\"b\")\n```\n\n```output\na\n```\n", mode: .check)
        let finding = try XCTUnwrap(report.cells.first?.findings.first)
        XCTAssertEqual(finding.kind, .outputDiffers)
        XCTAssertEqual(finding.line, 5)
        XCTAssertEqual(finding.message, "output differs")
        XCTAssertEqual(finding.details, "--- nb.md:5 (recorded)\n+++ this run\n@@ -6 +6 @@\n-a\n+b\n")
        XCTAssertEqual(report.cells.first?.status, .failed)
    }

    func testCheckReportsMissingAndStaleOutputs() throws {
        let text = "```python\nprint(\"new\")\n```\n\n```python\nx = 1\n```\n\n```output\nold\n```\n"
        let (report, written) = try process(text, mode: .check)
        XCTAssertNil(written)
        XCTAssertEqual(report.cells.map(\.status), [.failed, .failed])
        XCTAssertEqual(report.cells[0].findings.map(\.kind), [.missingOutput])
        XCTAssertEqual(report.cells[0].findings[0].line, 3)
        XCTAssertTrue(report.cells[0].findings[0].details.hasSuffix("+new\n"))
        XCTAssertEqual(report.cells[1].findings.map(\.kind), [.staleOutput])
        XCTAssertEqual(report.cells[1].findings[0].line, 9)
        XCTAssertEqual(report.cells[1].findings[0].message, "stale output: the cell printed nothing")
    }

    func testRaisingCellIsReportedInNotebookCoordinatesAndNothingIsWritten() throws {
        let text = "Intro\n\n```python\nprint(\"before\")\n  raise TypeError(\"unsupported operand\")\n```\n\n```python\nprint(\"later\")\n```\n"
        let (report, written) = try process(text)
        XCTAssertNil(written)
        XCTAssertEqual(report.cells.map(\.status), [.failed, .passed])
        let finding = try XCTUnwrap(report.cells[0].findings.first)
        XCTAssertEqual(finding.kind, .raised)
        XCTAssertEqual(finding.line, 5)
        XCTAssertEqual(finding.column, 3)
        XCTAssertEqual(finding.message, "TypeError: unsupported operand")
        XCTAssertEqual(finding.details, "    5 |   raise TypeError(\"unsupported operand\")\n      |   ^\n")
        XCTAssertEqual(TextReport.render(finding, path: "nb.md", paint: Paint(enabled: false)),
                       "nb.md:5:3: error: TypeError: unsupported operand\n    5 |   raise TypeError(\"unsupported operand\")\n      |   ^\n")
    }

    func testTracebackIsShownForErrorsInsideFunctions() throws {
        let (report, _) = try process("```python\nf()\n```\n", mode: .check) { options in
            let pool = FakeRunnerPool()
            pool.canned = { cell in
                let outer = TraceFrame(location: SourceLocation(line: 2, column: 1), function: "<cell>", sourceLine: "f()")
                let inner = TraceFrame(location: SourceLocation(line: 2, column: 1), function: "f", sourceLine: "return 1 / 0")
                return CellResult(output: "", error: CellError(type: "ZeroDivisionError", message: "division by zero",
                                                               location: SourceLocation(line: 2, column: 1),
                                                               sourceLine: "f()", traceback: [outer, inner]))
            }
            options.makeRunner = pool.factory
        }
        XCTAssertEqual(report.cells[0].findings[0].details, """
                2 | f()
                  | ^
            traceback (most recent call last):
              nb.md:2 in <cell>: f()
              nb.md:2 in f: return 1 / 0

            """)
    }

    func testErrorCellOutputEndsWithTheException() throws {
        let text = "```python error\nprint(\"partial\", end=\"\")\nraise ValueError(\"bad value\")\n```\n"
        let written = try runOnce(text)
        XCTAssertEqual(written, text + "\n```output\npartial\nValueError: bad value\n```\n")
        let (report, _) = try process(written, mode: .check)
        XCTAssertEqual(report.cells.map(\.status), [.passed])
    }

    func testErrorCellWithoutMessagePrintsJustTheType() throws {
        let written = try runOnce("```python error\nraise StopIteration(\"\")\n```\n")
        XCTAssertTrue(written.hasSuffix("```output\nStopIteration\n```\n"), written)
    }

    func testErrorCellThatDoesNotRaiseFails() throws {
        let (report, written) = try process("```python error\nprint(\"fine\")\n```\n")
        XCTAssertNil(written)
        XCTAssertEqual(report.cells[0].status, .failed)
        XCTAssertEqual(report.cells[0].findings, [Finding(kind: .didNotRaise, line: 1, column: 1,
                                                          message: "the cell is marked 'error' but raised nothing")])
    }

    func testNoRunCellsAreSkippedAndNeverSentToTheSession() throws {
        let pool = FakeRunnerPool()
        let (report, _) = try process("```python norun\nprint(\"a\")\n```\n\n```python\nprint(\"b\")\n```\n") {
            $0.makeRunner = pool.factory
        }
        XCTAssertEqual(report.cells.map(\.status), [.skipped, .passed])
        XCTAssertEqual(pool.runners.count, 1)
        XCTAssertEqual(pool.runners[0].cells.map(\.code), ["print(\"b\")"])
    }

    func testOneSessionPerNotebookRunsCellsInOrder() throws {
        let pool = FakeRunnerPool()
        let written = try runOnce("```python\ncounter()\n```\n\n```python\ncounter()\n```\n") { $0.makeRunner = pool.factory }
        XCTAssertEqual(pool.runners.count, 1)
        XCTAssertEqual(pool.runners[0].fileName, "nb.md")
        XCTAssertTrue(written.contains("```output\n1\n```") && written.contains("```output\n2\n```"), written)
    }

    func testCellSourcePositionsReachTheSession() throws {
        let pool = FakeRunnerPool()
        _ = try process("---\ntitle: t\n---\n\n   ```python\n   a\n    b\n   ```\n") { $0.makeRunner = pool.factory }
        let cell = try XCTUnwrap(pool.runners.first?.cells.first)
        XCTAssertEqual(cell.code, "a\n b")
        XCTAssertEqual(cell.firstLine, 6)
        XCTAssertEqual(cell.indent, 3)
    }

    func testLimitsPrecedenceCellOverFrontMatterOverCommandLine() throws {
        let pool = FakeRunnerPool()
        let text = "---\ntimeout: 50\nlimits:\n  max_recursion_depth: 64\n---\n```python\nx\n```\n\n```python timeout=7\ny\n```\n"
        _ = try process(text) { options in
            options.makeRunner = pool.factory
            options.timeout = 99
        }
        let runner = try XCTUnwrap(pool.runners.first)
        XCTAssertEqual(runner.limits.map(\.timeoutSeconds), [50, 7])
        XCTAssertEqual(runner.limits.map(\.maxRecursionDepth), [64, 64])
        XCTAssertEqual(runner.initialLimits.timeoutSeconds, 50)

        let plain = FakeRunnerPool()
        _ = try process("```python\nx\n```\n") { options in
            options.makeRunner = plain.factory
            options.timeout = 99
        }
        XCTAssertEqual(plain.runners.first?.limits.map(\.timeoutSeconds), [99])
    }

    func testTolerancePrecedenceCellOverFrontMatterOverCommandLine() throws {
        let recorded = "```python\nprint(\"1.00\")\n```\n\n```output\n1.50\n```\n"
        func status(_ text: String, cli: Tolerance = Tolerance()) throws -> CellReport.Status? {
            try process(text, mode: .check) { $0.tolerance = cli }.0.cells.first?.status
        }
        XCTAssertEqual(try status(recorded), .failed)
        XCTAssertEqual(try status(recorded, cli: Tolerance(atol: 1)), .passed)
        let frontMatter = "---\ntolerance: {atol: 0.1}\n---\n" + recorded
        XCTAssertEqual(try status(frontMatter, cli: Tolerance(atol: 1)), .failed)
        let cell = frontMatter.replacingOccurrences(of: "```python\n", with: "```python atol=0.6\n")
        XCTAssertEqual(try status(cell, cli: Tolerance(atol: 0)), .passed)
    }

    func testExactOptionTurnsToleranceOff() throws {
        let text = "```python\nprint(\"0.5001\")\n```\n\n```output\n0.5000\n```\n"
        XCTAssertEqual(try process(text, mode: .check).0.failed, 0)
        XCTAssertEqual(try process(text, mode: .check) { $0.exact = true }.0.failed, 1)
    }

    func testWarningsAreCollected() throws {
        let (report, _) = try process("```python\nwarn(\"careful\")\n```\n\n- x\n\n  ```python\n  y\n  ```\n")
        XCTAssertEqual(report.warnings, [
            "nb.md:7:6: warning: a python block inside a list or block quote is not run as a cell",
            "nb.md:2: UserWarning: careful",
        ])
    }

    func testProgressEventsNameEachCell() throws {
        var events: [String] = []
        _ = try process("```python\nx\n```\n\n```python norun\ny\n```\n\n```python\nz\n```\n") { options in
            options.progress = { event in
                if case .cellStarted(let path, let cell, let cells, let line) = event { events.append("\(path) \(cell)/\(cells) @\(line)") }
            }
        }
        XCTAssertEqual(events, ["nb.md 1/3 @1", "nb.md 3/3 @9"])
    }
}
