import XCTest
import PyInterpreter
@testable import Notebook

final class SplicingTests: XCTestCase {
    /// A notebook with canonical outputs, as `run` writes them.
    private let complete = """
        ---
        title: Splicing
        ---
        Text with trailing spaces   
        \tand a tab.

        ```python
        print("a = 1")
        ```

        ```output
        a = 1
        ```

        ```python
        x = 2
        ```

        ~~~python
        print("b")
        print("c")
        ~~~

        ```output
        b
        c
        ```
        Closing words.

        """

    private var withoutOutputs: String {
        complete.replacingOccurrences(of: "\n\n```output\na = 1\n```", with: "")
            .replacingOccurrences(of: "\n\n```output\nb\nc\n```", with: "")
    }

    func testRunWritesCanonicalBlocks() throws {
        XCTAssertEqual(try runOnce(withoutOutputs), complete)
    }

    func testSecondRunChangesNothing() throws {
        let (report, written) = try process(complete)
        XCTAssertNil(written)
        XCTAssertEqual(report.updatedBlocks, 0)
        XCTAssertEqual(report.passed, 3)
    }

    func testCellThatPrintsNothingLosesItsBlockAndRunRestoresIt() throws {
        let (_, stripped) = try process(complete) { options in
            let pool = FakeRunnerPool()
            pool.canned = { _ in CellResult(output: "") }
            options.makeRunner = pool.factory
        }
        XCTAssertEqual(stripped, withoutOutputs)
        XCTAssertEqual(try runOnce(XCTUnwrap(stripped)), complete)
    }

    func testStaleBlockWithSeveralBlankLinesIsRemovedWhole() throws {
        let text = "```python\nx = 1\n```\n\n\n  \n```output\nold\n```\nafter\n"
        XCTAssertEqual(try runOnce(text), "```python\nx = 1\n```\nafter\n")
    }

    func testChangedOutputIsRewrittenInPlace() throws {
        let text = "```python\nprint(\"new\")\n```\n\n\n```output\nold\nlines\n```\ntail"
        XCTAssertEqual(try runOnce(text), "```python\nprint(\"new\")\n```\n\n\n```output\nnew\n```\ntail")
    }

    func testCRLFFileGetsCRLFBlocks() throws {
        let text = "Intro\r\n\r\n```python\r\nprint(\"one\")\r\nprint(\"two\")\r\n```\r\nEnd\r\n"
        let expected = "Intro\r\n\r\n```python\r\nprint(\"one\")\r\nprint(\"two\")\r\n```\r\n\r\n```output\r\none\r\ntwo\r\n```\r\nEnd\r\n"
        XCTAssertEqual(try runOnce(text), expected)
        XCTAssertNil(try process(expected).1)

        let rewritten = try runOnce("```python\r\nprint(\"z\")\r\n```\r\n\r\n```output\r\ny\r\n```\r\n")
        XCTAssertEqual(rewritten, "```python\r\nprint(\"z\")\r\n```\r\n\r\n```output\r\nz\r\n```\r\n")
    }

    func testByteOrderMarkIsKept() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("```python\nprint(\"x\")\n```\n".utf8)
        let (_, written) = try process(bytes: bytes)
        XCTAssertEqual(written, [0xEF, 0xBB, 0xBF] + Array("```python\nprint(\"x\")\n```\n\n```output\nx\n```\n".utf8))
    }

    func testCellAtEndOfFileWithoutNewline() throws {
        let text = "```python\nprint(\"x\")\n```"
        let written = try runOnce(text)
        XCTAssertEqual(written, "```python\nprint(\"x\")\n```\n\n```output\nx\n```")
        XCTAssertNil(try process(written).1)
        XCTAssertEqual(try process(written) { $0.makeRunner = Self.silent }.1, text)
    }

    func testFileWithoutNewlinesUsesLF() throws {
        XCTAssertEqual(try runOnce("```python\nprint(\"x\")\n```"), "```python\nprint(\"x\")\n```\n\n```output\nx\n```")
    }

    func testTildeAndLongFencesAreKeptWhenTheyStillFence() throws {
        let tilde = "```python\nprint(\"new\")\n```\n\n~~~output\nold\n~~~\n"
        XCTAssertEqual(try runOnce(tilde), "```python\nprint(\"new\")\n```\n\n~~~output\nnew\n~~~\n")
        let long = "```python\nprint(\"new\")\n```\n\n````output\nold\n`````  \n"
        XCTAssertEqual(try runOnce(long), "```python\nprint(\"new\")\n```\n\n````output\nnew\n`````  \n")
    }

    func testOutputContainingBackticksGetsALongerFence() throws {
        let text = "```python\nprint(\"```\\n``x``\")\n```\n"
        XCTAssertEqual(try runOnce(text), "```python\nprint(\"```\\n``x``\")\n```\n\n````output\n```\n``x``\n````\n")
        XCTAssertNil(try process(try runOnce(text)).1)
    }

    func testExistingFenceGrowsOnlyWhenTheTextWouldCloseIt() throws {
        let text = "```python\nprint(\"~~~~\\n````\")\n```\n\n~~~output\nold\n~~~\n"
        XCTAssertEqual(try runOnce(text), "```python\nprint(\"~~~~\\n````\")\n```\n\n~~~~~output\n~~~~\n````\n~~~~~\n")
        let backticks = "```python\nprint(\"```\")\n```\n\n```output\nold\n```\n"
        XCTAssertEqual(try runOnce(backticks), "```python\nprint(\"```\")\n```\n\n````output\n```\n````\n")
        // ``` inside a line does not close a fence: the block keeps its fence.
        let inline = "```python\nprint(\"a ``` b\")\n```\n\n```output\nold\n```\n"
        XCTAssertEqual(try runOnce(inline), "```python\nprint(\"a ``` b\")\n```\n\n```output\na ``` b\n```\n")
    }

    func testIndentedOutputBlockKeepsItsIndentation() throws {
        let text = "```python\nprint(\"  two spaces\")\nprint(\"\")\n```\n\n  ```output\n  old\n  ```\n"
        let written = try runOnce(text)
        XCTAssertEqual(written, "```python\nprint(\"  two spaces\")\nprint(\"\")\n```\n\n  ```output\n    two spaces\n\n  ```\n")
        XCTAssertEqual(try parse(written).cells[0].output?.text, "  two spaces\n\n")
    }

    func testOutputWithoutFinalNewlineGetsOne() throws {
        let text = "```python\nprint(\"no newline\", end=\"\")\n```\n"
        let written = try runOnce(text)
        XCTAssertEqual(written, "```python\nprint(\"no newline\", end=\"\")\n```\n\n```output\nno newline\n```\n")
        XCTAssertNil(try process(written).1)
    }

    func testCarriageReturnsAndNULInOutputBecomeWhatCmarkWouldRead() throws {
        let written = try runOnce("```python\nx\n```\n") {
            $0.makeRunner = Self.canned("a\r\nb\rc\0d")
        }
        XCTAssertEqual(written, "```python\nx\n```\n\n```output\na\nb\nc\u{FFFD}d\n```\n")
        XCTAssertEqual(try parse(written).cells[0].output?.text, "a\nb\nc\u{FFFD}d\n")
    }

    func testUnclosedFenceAfterTheCellsKeepsEveryByte() throws {
        let text = "```python\nprint(\"x\")\n```\n\nProse.\n\n````text\nnever closed ```\n```\n\n```python\nprint(\"not a cell\")\n```\n"
        let written = try runOnce(text)
        XCTAssertEqual(written, text.replacingOccurrences(of: "```\n\nProse.", with: "```\n\n```output\nx\n```\n\nProse."))
    }

    func testNoRunCellKeepsItsBlock() throws {
        let text = "```python norun\nprint(\"x\")\n```\n\n```output\nwhatever the author wrote\n```\n"
        let (report, written) = try process(text)
        XCTAssertNil(written)
        XCTAssertEqual(report.skipped, 1)
    }

    func testForceRewritesBlocksThatOnlyMatchWithinTolerance() throws {
        let text = "```python\nprint(\"tensor(0.5001)\")\n```\n\n```output\ntensor(0.5000)\n```\n"
        XCTAssertNil(try process(text).1)
        XCTAssertEqual(try process(text) { $0.force = true }.1, text.replacingOccurrences(of: "0.5000", with: "0.5001"))
    }

    func testManyCellsRoundTrip() throws {
        var source = "---\ntitle: Big\n---\n"
        var expected = source
        for i in 0..<5_000 {
            let cell = "\nCell \(i).\n\n```python\nprint(\"value \(i)\")\n```\n"
            source += cell
            expected += cell.dropLast() + "\n\n```output\nvalue \(i)\n```\n"
        }
        let written = try runOnce(source)
        XCTAssertEqual(written, expected)
        XCTAssertNil(try process(written).1)
        XCTAssertEqual(try process(written) { $0.makeRunner = Self.silent }.1, source)
    }

    // MARK: fakes

    static let silent: CellRunnerFactory = { name, limits in
        let runner = FakeCellRunner(fileName: name, limits: limits)
        runner.canned = { _ in CellResult(output: "") }
        return runner
    }

    static func canned(_ output: String) -> CellRunnerFactory {
        { name, limits in
            let runner = FakeCellRunner(fileName: name, limits: limits)
            runner.canned = { _ in CellResult(output: output) }
            return runner
        }
    }
}
