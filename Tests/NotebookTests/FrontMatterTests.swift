import XCTest
import PyInterpreter
@testable import Notebook

final class FrontMatterTests: XCTestCase {
    func testAllKeys() throws {
        let doc = try parse("""
            ---
            title: "Backprop: by hand"
            summary: The chain rule, one node at a time.
            author: someone
            timeout: 120
            tolerance:
              rtol: 1e-4
              atol: 0.001
            limits:
              max_tensor_elements: 1000
              max_tensor_bytes: 4096
              max_memory_bytes: 8000000000
              max_recursion_depth: 200
              max_container_size: 50
            ---
            # Body
            """)
        let fm = doc.frontMatter
        XCTAssertEqual(fm.title, "Backprop: by hand")
        XCTAssertEqual(fm.summary, "The chain rule, one node at a time.")
        XCTAssertEqual(fm.timeout, 120)
        XCTAssertEqual(fm.tolerance, Tolerance(rtol: 1e-4, atol: 0.001))
        let limits = fm.limits.applied(to: .default)
        XCTAssertEqual(limits.maxTensorElements, 1000)
        XCTAssertEqual(limits.maxTensorBytes, 4096)
        XCTAssertEqual(limits.maxMemoryBytes, 8_000_000_000)
        XCTAssertEqual(limits.maxRecursionDepth, 200)
        XCTAssertEqual(limits.maxContainerSize, 50)
        XCTAssertEqual(limits.timeoutSeconds, Limits.default.timeoutSeconds)
        XCTAssertEqual(fm.lineCount, 15)
        XCTAssertEqual(fm.byteRange?.lowerBound, 0)
    }

    /// `--limit` sets defaults for every notebook; front matter wins.
    func testCommandLineLimitsYieldToFrontMatter() throws {
        var cli = LimitOverrides()
        XCTAssertTrue(cli.set("max_tensor_bytes", 100))
        XCTAssertTrue(cli.set("max_memory_bytes", 5_000_000_000))
        XCTAssertFalse(cli.set("max_memory", 5))
        let doc = try parse("---\nlimits:\n  max_tensor_bytes: 7\n---\n")
        let limits = cli.overridden(by: doc.frontMatter.limits).applied(to: .default)
        XCTAssertEqual(limits.maxTensorBytes, 7)
        XCTAssertEqual(limits.maxMemoryBytes, 5_000_000_000)
        XCTAssertEqual(limits.maxRecursionDepth, Limits.default.maxRecursionDepth)
    }

    func testEmptyAndDotsClosedFrontMatter() throws {
        XCTAssertEqual(try parse("---\n---\ntext\n").frontMatter.lineCount, 2)
        XCTAssertEqual(try parse("---\ntitle: A\n...\ntext\n").frontMatter.title, "A")
    }

    func testNoFrontMatterWhenTheFileDoesNotStartWithDashes() throws {
        let doc = try parse("text\n\n---\ntitle: x\n---\n")
        XCTAssertNil(doc.frontMatter.title)
        XCTAssertEqual(doc.frontMatter.lineCount, 0)
    }

    func testFrontMatterAfterByteOrderMarkAndWithCRLF() throws {
        let doc = try NotebookDocument.parse([0xEF, 0xBB, 0xBF] + Array("---\r\ntitle: A\r\n---\r\n```python\r\nx\r\n```\r\n".utf8), path: "nb.md")
        XCTAssertEqual(doc.frontMatter.title, "A")
        XCTAssertEqual(doc.cells.first?.openingLine, 4)
    }

    func testMalformedYAMLIsPositionedInTheNotebook() {
        let errors = parseErrors("---\ntitle: A\n  bad: [1, 2\n---\nbody\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertTrue(errors[0].hasPrefix("nb.md:3:"), errors[0])
        XCTAssertTrue(errors[0].contains("front matter is not valid YAML"), errors[0])
    }

    func testBadValuesArePositionedAtTheValue() {
        XCTAssertEqual(parseErrors("---\ntitle: A\ntimeout: soon\n---\n"), [
            "nb.md:3:10: error: front matter: timeout: expected a positive number of seconds",
        ])
        XCTAssertEqual(parseErrors("---\ntolerance:\n  rtl: 1\n---\n"), [
            "nb.md:3:3: error: front matter: tolerance: unknown key 'rtl' (known: rtol, atol)",
        ])
        XCTAssertEqual(parseErrors("---\nlimits:\n  max_tensor_elements: -5\n---\n"), [
            "nb.md:3:24: error: front matter: limits.max_tensor_elements: expected a positive whole number",
        ])
        XCTAssertEqual(parseErrors("---\n- a\n- b\n---\n"), [
            "nb.md:2:1: error: front matter: must be a YAML mapping such as 'title: …'",
        ])
    }

    func testUnclosedFrontMatterIsAnError() {
        XCTAssertEqual(parseErrors("---\ntitle: A\n\n# Body\n").first?.hasPrefix("nb.md:1:1: error: front matter opened by '---' is never closed"), true)
    }
}
