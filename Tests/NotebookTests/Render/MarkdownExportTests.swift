import XCTest
@testable import Notebook

/// `--format md`: the notebook with this run's outputs and its figures as image links.
final class MarkdownExportTests: XCTestCase {
    private var fixture: RenderFixture!

    override func setUpWithError() throws {
        fixture = try RenderFixture()
        fixture.options.format = .md
    }
    override func tearDown() { fixture.remove() }

    func testOutputsAreFreshAndFiguresBecomeSVGFilesWithLinks() throws {
        let source = """
            ---
            title: Plots
            ---
            Text with $x$.

            ```python
            print("one")
            figure("first")
            ```

            ```output
            old
            ```

            ```python hide
            figure("second")
            print("two")
            ```
            Closing text.
            """
        try fixture.write("zh/01-plots.md", source)
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 0, report.errors.joined())
        let expected = """
            ---
            title: Plots
            ---
            Text with $x$.

            ```python
            print("one")
            figure("first")
            ```

            ```output
            one
            ```

            ![Figure 1](figures/01-plots-1.svg)

            ```python hide
            figure("second")
            print("two")
            ```

            ```output
            two
            ```

            ![Figure 2](figures/01-plots-2.svg)
            Closing text.
            """
        XCTAssertEqual(try fixture.site("zh/01-plots.md"), expected)
        XCTAssertEqual(try fixture.site("zh/figures/01-plots-1.svg"), FakeFigure.svg("first"))
        XCTAssertEqual(try fixture.site("zh/figures/01-plots-2.svg"), FakeFigure.svg("second"))
        XCTAssertFalse(fixture.siteFileExists("index.html"), "no site around Markdown copies")
        XCTAssertFalse(fixture.siteFileExists("assets"))
        XCTAssertEqual(try fixture.folder.read("notebooks/zh/01-plots.md"), source, "the notebook itself is untouched")
    }

    func testANotebookWithoutFiguresIsItsRunOutput() throws {
        try fixture.write("01.md", "```python\nprint(\"hi\")\n```\n")
        XCTAssertEqual(fixture.render().exitCode, 0)
        XCTAssertEqual(try fixture.site("01.md"), "```python\nprint(\"hi\")\n```\n\n```output\nhi\n```\n")
    }
}
