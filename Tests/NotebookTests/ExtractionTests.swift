import XCTest
@testable import Notebook

final class ExtractionTests: XCTestCase {
    func testCellCodeAndPositions() throws {
        let doc = try parse("""
            # Title

            ```python
            x = 1
            print(x)
            ```

            ```output
            1
            ```
            """)
        XCTAssertEqual(doc.cells.count, 1)
        let cell = doc.cells[0]
        XCTAssertEqual(cell.source.code, "x = 1\nprint(x)")
        XCTAssertEqual(cell.source.firstLine, 4)
        XCTAssertEqual(cell.source.indent, 0)
        XCTAssertEqual(cell.openingLine, 3)
        XCTAssertEqual(cell.closingLine, 6)
        XCTAssertEqual(cell.fence, Fence(character: UInt8(ascii: "`"), length: 3, indent: 0))
        let output = try XCTUnwrap(cell.output)
        XCTAssertEqual(output.text, "1\n")
        XCTAssertEqual(output.openingLine, 8)
        XCTAssertEqual(output.closingLine, 10)
        let bytes = doc.bytes
        XCTAssertEqual(String(decoding: bytes[output.contentRange], as: UTF8.self), "1\n")
        XCTAssertEqual(String(decoding: bytes[output.openingFenceRun], as: UTF8.self), "```")
        XCTAssertEqual(String(decoding: bytes[output.closingFenceRun], as: UTF8.self), "```")
        XCTAssertEqual(output.endOfClosingFence, bytes.count)
        XCTAssertEqual(cell.endOfClosingFence, Array("# Title\n\n```python\nx = 1\nprint(x)\n```".utf8).count)
    }

    /// Fences are found wherever a run of three backticks or tildes sits (the
    /// pre-scan that lets prose-only documents skip cmark looks at every third byte).
    func testFencesAtEveryOffsetAndProseWithoutThem() throws {
        for prefix in ["", "a", "ab", "> ", "- ", "`` ~~ "] {
            for fence in ["```", "~~~~"] {
                let doc = try parse("\(prefix)\n\n\(fence)python\nx = 1\n\(fence)\n")
                XCTAssertEqual(doc.cells.map(\.source.code), ["x = 1"], "\(prefix) \(fence)")
            }
        }
        let prose = try parse("# Notes\n\nInline `code` and ``two`` and ~~strike~~, $a_1$ and `` ` ``.\n")
        XCTAssertEqual(prose.cells.count, 0)
    }

    func testPyWordAndOtherLanguages() throws {
        let doc = try parse("```py\na\n```\n\n```python3\nb\n```\n\n```text\nc\n```\n\n```\nd\n```\n")
        XCTAssertEqual(doc.cells.map(\.source.code), ["a"])
    }

    func testTildeAndLongFences() throws {
        let doc = try parse("~~~python\na\n~~~\n\n````python\n```\nb\n````\n\n~~~~ output\nx\n~~~~~\n")
        XCTAssertEqual(doc.cells.map(\.source.code), ["a", "```\nb"])
        XCTAssertEqual(doc.cells[0].fence.character, UInt8(ascii: "~"))
        XCTAssertEqual(doc.cells[1].fence.length, 4)
        let output = try XCTUnwrap(doc.cells[1].output)
        XCTAssertEqual(output.text, "x\n")
        XCTAssertEqual(output.fence.character, UInt8(ascii: "~"))
        XCTAssertEqual(String(decoding: doc.bytes[output.closingFenceRun], as: UTF8.self), "~~~~~")
    }

    func testIndentedFenceStripsIndentAndReportsIt() throws {
        let doc = try parse("  ```python\n  if x:\n      y\n ```\n")
        let cell = try XCTUnwrap(doc.cells.first)
        XCTAssertEqual(cell.source.indent, 2)
        XCTAssertEqual(cell.source.code, "if x:\n    y")
        XCTAssertEqual(cell.closingLine, 4)
    }

    func testIndentedCodeBlockIsNotACell() throws {
        let doc = try parse("Text\n\n    ```python\n    print(\"no\")\n    ```\n\n\t```python\n\tx\n")
        XCTAssertTrue(doc.cells.isEmpty)
    }

    func testCellsInListsAndBlockQuotesAreNotRunButWarned() throws {
        let doc = try parse("> ```python\n> a\n> ```\n\n- item\n\n  ```py\n  b\n  ```\n\n```python\nc\n```\n")
        XCTAssertEqual(doc.cells.map(\.source.code), ["c"])
        XCTAssertEqual(doc.warnings.map(\.description), [
            "nb.md:1:6: warning: a python block inside a list or block quote is not run as a cell",
            "nb.md:7:6: warning: a py block inside a list or block quote is not run as a cell",
        ])
    }

    func testOutputBlockOnlyDirectlyAfterCell() throws {
        let doc = try parse("""
            ```python
            a
            ```
            Some text.

            ```output
            not mine
            ```

            ```python
            b
            ```



            ```output
            mine
            ```
            """)
        XCTAssertNil(doc.cells[0].output)
        XCTAssertEqual(doc.cells[1].output?.text, "mine\n")
    }

    func testOutputAfterAnotherCodeBlockIsNotTheCells() throws {
        let doc = try parse("```python\na\n```\n```text\nt\n```\n```output\no\n```\n")
        XCTAssertNil(doc.cells[0].output)
    }

    func testUnclosedCellIsAPositionedError() {
        XCTAssertEqual(parseErrors("Intro\n\n```python\nprint(\"x\")\n"), [
            "nb.md:3:1: error: this cell's code fence is never closed; end the cell with a line of ```",
        ])
    }

    func testUnclosedOutputIsAPositionedError() {
        XCTAssertEqual(parseErrors("```python\na\n```\n\n~~~~output\nx\n~~~\nrest\n"), [
            "nb.md:5:1: error: this output block's fence is never closed, so it runs to the end of the file; end it with a line of ~~~~",
        ])
    }

    func testUnclosedOtherFenceSwallowsLaterCells() throws {
        let doc = try parse("```python\na\n```\n\n```text\n\n```python\nb\n```\n")
        XCTAssertEqual(doc.cells.map(\.source.code), ["a"])
    }

    func testShorterFenceDoesNotCloseACell() throws {
        let doc = try parse("````python\n```\nstill code\n````\n")
        XCTAssertEqual(doc.cells.first?.source.code, "```\nstill code")
    }

    func testCRLFAndLoneCRLineEndings() throws {
        let doc = try parse("Intro\r\n\r\n```python\r\nx\r\ny\r\n```\r\n\r\n```output\r\n1\r\n```\r\n")
        let cell = try XCTUnwrap(doc.cells.first)
        XCTAssertEqual(cell.source.code, "x\ny")
        XCTAssertEqual(cell.source.firstLine, 4)
        XCTAssertEqual(cell.output?.text, "1\n")
        XCTAssertEqual(cell.output?.lineEnding, [0x0D, 0x0A])
        XCTAssertEqual(doc.defaultLineEnding, [0x0D, 0x0A])

        let classic = try parse("a\r```python\rb\r```\r")
        XCTAssertEqual(classic.cells.first?.source.firstLine, 3)
        XCTAssertEqual(classic.cells.first?.closingLine, 4)
    }

    func testByteOrderMarkIsKeptOutOfPositions() throws {
        let doc = try NotebookDocument.parse([0xEF, 0xBB, 0xBF] + Array("```python\nx\n```\n".utf8), path: "nb.md")
        let cell = try XCTUnwrap(doc.cells.first)
        XCTAssertEqual(cell.openingLine, 1)
        XCTAssertEqual(cell.endOfClosingFence, 3 + "```python\nx\n```".utf8.count)
    }

    func testFrontMatterIsNotMarkdown() throws {
        let doc = try parse("---\ntitle: Backprop\n---\n```python\nx\n```\n")
        XCTAssertEqual(doc.frontMatter.title, "Backprop")
        XCTAssertEqual(doc.frontMatter.lineCount, 3)
        XCTAssertEqual(doc.cells.first?.openingLine, 4)
        XCTAssertEqual(doc.cells.first?.source.code, "x")
    }

    func testTabsAndUnicodeInCellsSurvive() throws {
        let doc = try parse("```python\nif x:\n\tprint(\"é → ∂\")  \n```\n")
        XCTAssertEqual(doc.cells.first?.source.code, "if x:\n\tprint(\"é → ∂\")  ")
    }

    func testEmptyCellAndEmptyDocument() throws {
        XCTAssertEqual(try parse("```python\n```\n").cells.first?.source.code, "")
        XCTAssertEqual(try parse("").cells.count, 0)
        XCTAssertEqual(try parse("```python\n```").cells.first?.closingLine, 2)
    }

    func testLineTextLookup() throws {
        let doc = try parse("a\r\nbé\n\nc")
        XCTAssertEqual(doc.lineCount, 4)
        XCTAssertEqual(doc.line(2), "bé")
        XCTAssertEqual(doc.line(3), "")
        XCTAssertNil(doc.line(5))
    }
}
