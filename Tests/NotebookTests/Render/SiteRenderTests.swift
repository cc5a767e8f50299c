import Foundation
import XCTest
@testable import Notebook

/// `litgrad render` end to end with the fake interpreter: pages, index,
/// links, assets, cells, failures.
final class SiteRenderTests: XCTestCase {
    private var fixture: RenderFixture!

    override func setUpWithError() throws { fixture = try RenderFixture() }
    override func tearDown() { fixture.remove() }

    private let lesson = """
        ---
        title: The chain rule
        summary: Derive it by hand.
        ---
        # The chain rule

        Some prose with $x_1$.

        ## Forward

        ```python
        print("forward")
        ```

        ```output
        stale recorded text
        ```

        ## Backward

        ```python hide
        print("hidden code, shown output")
        ```

        ```python norun
        print("never runs")
        ```

        ```python error
        print("before")
        raise ValueError("bad shape")
        ```

        ```python
        figure("loss curve")
        figure("graph")
        ```
        """

    func testPageShowsCellsOutputsErrorsAndFigures() throws {
        try fixture.write("01-chain.md", lesson)
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 0, report.errors.joined())
        let page = try fixture.site("01-chain.html")

        XCTAssertTrue(page.contains("<title>The chain rule</title>"))
        XCTAssertTrue(page.contains("<meta name=\"description\" content=\"Derive it by hand.\">"))
        // This run's output, not the recorded one.
        XCTAssertTrue(page.contains("<pre class=\"cell-output\"><code>forward</code></pre>"), page)
        XCTAssertFalse(page.contains("stale recorded text"))
        // hide: output without code.
        XCTAssertTrue(page.contains("hidden code, shown output</code></pre>"))
        XCTAssertFalse(page.contains("<span class=\"s\">\"hidden code"))
        // norun: code with its marker, nothing run.
        XCTAssertTrue(page.contains("<div class=\"cell cell-norun\">\n<p class=\"cell-marker\">not run</p>"), page)
        XCTAssertTrue(page.contains("&quot;never runs&quot;") || page.contains("\"never runs\""))
        // error: the printed text, then the exception styled as an error.
        XCTAssertTrue(page.contains("<div class=\"cell cell-raises\">"), page)
        XCTAssertTrue(page.contains("<pre class=\"cell-output\"><code>before</code></pre>\n<pre class=\"cell-output cell-error\"><code>ValueError: bad shape</code></pre>"), page)
        // Figures after the output, in order, as inline SVG.
        let first = try XCTUnwrap(page.range(of: "data-name=\"loss curve\""))
        let second = try XCTUnwrap(page.range(of: "data-name=\"graph\""))
        XCTAssertLessThan(first.lowerBound, second.lowerBound)
        XCTAssertTrue(page.contains("<figure class=\"cell-figure\"><svg"), page)
        // The cell's own paragraph is gone, and the prose around cells is intact.
        XCTAssertFalse(page.contains("<p>\u{E000}"))
        XCTAssertFalse(page.contains("\u{E000}"))
        XCTAssertTrue(page.contains("<h2 id=\"forward\">Forward"))
        XCTAssertTrue(page.contains("<span class=\"math inline\">x_1</span>"))
    }

    func testTableOfContentsAndOneTitle() throws {
        try fixture.write("01-chain.md", lesson)
        XCTAssertEqual(fixture.render().exitCode, 0)
        let page = try fixture.site("01-chain.html")
        XCTAssertTrue(page.contains("<li><a href=\"#forward\">Forward</a></li>\n<li><a href=\"#backward\">Backward</a></li>"), page)
        XCTAssertEqual(occurrences(of: "<h1", in: page), 1, "the body's heading is the title; no second one is added")

        try fixture.write("02-untitled.md", "Just text, no heading.\n")
        XCTAssertEqual(fixture.render().exitCode, 0)
        let untitled = try fixture.site("02-untitled.html")
        XCTAssertTrue(untitled.contains("<h1>02-untitled</h1>"), untitled)
        XCTAssertFalse(untitled.contains("lg-contents"), "no table of contents without sections")
    }

    func testIndexListsLessonsByFileNameWithTitlesAndSummaries() throws {
        try fixture.write("10-later.md", "---\ntitle: Later\nsummary: Comes last.\n---\ntext\n")
        try fixture.write("02-first.md", "---\ntitle: First & foremost\n---\ntext\n")
        try fixture.write("03-middle.md", "# Middle from heading\n")
        try fixture.write("zh/01-intro.md", "---\ntitle: 反向传播\nsummary: 链式法则。\n---\n正文\n")
        XCTAssertEqual(fixture.render().exitCode, 0)
        let index = try fixture.site("index.html")
        let order = ["02-first.html", "03-middle.html", "10-later.html", "zh/01-intro.html"].map { index.range(of: "href=\"\($0)\"")?.lowerBound }
        XCTAssertFalse(order.contains(nil), index)
        XCTAssertEqual(order.compactMap { $0 }, order.compactMap { $0 }.sorted(), index)
        XCTAssertTrue(index.contains(">First &amp; foremost</a>"), index)
        XCTAssertTrue(index.contains(">Middle from heading</a>"), index)
        XCTAssertTrue(index.contains(">Later</a><p>Comes last.</p>"), index)
        XCTAssertTrue(index.contains("<h2>zh</h2>"), index)
        XCTAssertTrue(index.contains("<li lang=\"zh\"><a href=\"zh/01-intro.html\">反向传播</a><p>链式法则。</p></li>"), index)
    }

    func testPreviousAndNextStayWithinAFolder() throws {
        for name in ["01-a.md", "02-b.md", "03-c.md", "zh/01-a.md"] {
            try fixture.write(name, "---\ntitle: T \(name)\n---\ntext\n")
        }
        XCTAssertEqual(fixture.render().exitCode, 0)
        let first = try fixture.site("01-a.html"), middle = try fixture.site("02-b.html"), last = try fixture.site("03-c.html")
        XCTAssertFalse(first.contains("rel=\"prev\""))
        XCTAssertTrue(first.contains("rel=\"next\" href=\"02-b.html\""))
        XCTAssertTrue(middle.contains("rel=\"prev\" href=\"01-a.html\""))
        XCTAssertTrue(middle.contains("rel=\"next\" href=\"03-c.html\""))
        XCTAssertTrue(middle.contains("</span>T 03-c.md</a>"))
        XCTAssertFalse(last.contains("rel=\"next\""), "the last English lesson does not lead into the Chinese ones")
        let chinese = try fixture.site("zh/01-a.html")
        XCTAssertFalse(chinese.contains("class=\"pager\""))
    }

    func testPagesInSubfoldersLinkAssetsIndexAndSourceRelatively() throws {
        try fixture.write("zh/part 1/01-intro.md", "Intro $x$\n")
        XCTAssertEqual(fixture.render().exitCode, 0)
        let page = try fixture.site("zh/part 1/01-intro.html")
        XCTAssertTrue(page.contains("href=\"../../assets/litgrad.css\""), page)
        XCTAssertTrue(page.contains("href=\"../../assets/katex/katex.min.css\""), page)
        XCTAssertTrue(page.contains("src=\"../../assets/katex/katex.min.js\""), page)
        XCTAssertTrue(page.contains("src=\"../../assets/litgrad.js\""), page)
        XCTAssertTrue(page.contains("<a href=\"../../index.html\">All lessons</a>"), page)
        XCTAssertTrue(page.contains("<a href=\"01-intro.md\" type=\"text/markdown\">"), page)
        XCTAssertTrue(page.contains("<html lang=\"zh\">"), page)
        let index = try fixture.site("index.html")
        XCTAssertTrue(index.contains("href=\"zh/part%201/01-intro.html\""), index)
        // Every relative link on the page points at a file that exists.
        let pageFolder = fixture.folder.url("site/zh/part 1")
        for link in ["../../assets/litgrad.css", "../../assets/katex/katex.min.css", "../../assets/katex/katex.min.js",
                     "../../index.html", "01-intro.md"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: pageFolder + "/" + link), link)
        }
    }

    func testAssetsAreCopiedAndPagesWithoutMathLoadNoScript() throws {
        try fixture.write("01.md", "No math here, only $5.\n")
        XCTAssertEqual(fixture.render().exitCode, 0)
        XCTAssertEqual(try fixture.site("assets/katex/katex.min.js"), "/* katex */")
        XCTAssertEqual(try fixture.site("assets/katex/fonts/KaTeX_Main-Regular.woff2"), "font")
        XCTAssertTrue(try fixture.site("assets/litgrad.css").contains("prefers-color-scheme: dark"))
        XCTAssertTrue(try fixture.site("assets/litgrad.js").contains("katex.render"))
        XCTAssertFalse(try fixture.site("01.html").contains("<script"))
        XCTAssertEqual(try fixture.site("01.md"), "No math here, only $5.\n", "the source is copied as is")
    }

    func testLanguageFromFrontMatterOrFolder() throws {
        try fixture.write("ja/01.md", "text\n")
        try fixture.write("02.md", "---\nlang: zh-Hant\n---\n文字\n")
        try fixture.write("03.md", "plain\n")
        XCTAssertEqual(fixture.render().exitCode, 0)
        XCTAssertTrue(try fixture.site("ja/01.html").contains("<html lang=\"ja\">"))
        XCTAssertTrue(try fixture.site("02.html").contains("<html lang=\"zh-Hant\">"))
        XCTAssertTrue(try fixture.site("03.html").contains("<html lang=\"en\">"))
        XCTAssertEqual(LessonLanguage.fromPath("pt-br/x.md"), "pt-BR")
        XCTAssertEqual(LessonLanguage.fromPath("zh-hans/x.md"), "zh-Hans")
        XCTAssertNil(LessonLanguage.fromPath("zh.md"))
        XCTAssertNil(LessonLanguage.fromPath("lessons/x.md"))
    }

    func testABadLanguageTagIsAPositionedError() throws {
        try fixture.write("01.md", "---\ntitle: T\nlang: \"en\\\" onload=\\\"x\"\n---\ntext\n")
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.errors.joined().contains("01.md:3:7: error: front matter: lang: expected a language tag"), report.errors.joined())
    }

    func testARaisingCellFailsTheRenderWithItsPositionAndWritesNoPage() throws {
        try fixture.write("01-ok.md", "fine\n")
        try fixture.write("02-broken.md", "text\n\n```python\nprint(\"a\")\nraise KeyError(\"w3\")\n```\n")
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 1)
        let errors = report.errors.joined()
        XCTAssertTrue(errors.contains("02-broken.md:5:1: error: KeyError: w3"), errors)
        XCTAssertTrue(errors.contains("    5 | raise KeyError(\"w3\")"), errors)
        XCTAssertEqual(report.failed, [fixture.folder.url("notebooks/02-broken.md")])
        XCTAssertEqual(ConsoleRender.summary(report, options: fixture.options),
                       "rendered 1 notebook into \(fixture.options.outputDirectory) (8 files written); 1 failed")
        XCTAssertFalse(fixture.siteFileExists("02-broken.html"))
        XCTAssertTrue(fixture.siteFileExists("01-ok.html"))
        XCTAssertFalse(try fixture.site("index.html").contains("02-broken"))
    }

    func testAnErrorCellThatDoesNotRaiseFailsTheRender() throws {
        try fixture.write("01.md", "```python error\nprint(\"fine\")\n```\n")
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertTrue(report.errors.joined().contains("01.md:1:1: error: the cell is marked 'error' but raised nothing"))
    }

    func testRenderNeverWritesTheNotebook() throws {
        let path = try fixture.write("01.md", "```python\nprint(\"new\")\n```\n\n```output\nold\n```\n\n```python\nprint(\"missing\")\n```\n")
        let before = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        XCTAssertEqual(fixture.render().exitCode, 0)
        XCTAssertEqual(try fixture.folder.read("notebooks/01.md"), "```python\nprint(\"new\")\n```\n\n```output\nold\n```\n\n```python\nprint(\"missing\")\n```\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date, before)
    }

    func testRenderingTwiceGivesTheSameBytesAndRewritesNothing() throws {
        try fixture.write("01-chain.md", lesson)
        try fixture.write("zh/01.md", "# 标题\n\n$$a$$\n")
        let first = fixture.render()
        XCTAssertEqual(first.exitCode, 0)
        let snapshot = try siteSnapshot()
        let second = fixture.render()
        XCTAssertEqual(second.changedFiles, [])
        XCTAssertEqual(try siteSnapshot(), snapshot)
        // A fresh folder gets the same bytes too.
        fixture.options.outputDirectory = fixture.folder.url("site2")
        XCTAssertEqual(fixture.render().exitCode, 0)
        let other = try siteSnapshot(folder: "site2")
        XCTAssertEqual(other, snapshot)
    }

    private func siteSnapshot(folder: String = "site") throws -> [String: Data] {
        let root = fixture.folder.url(folder)
        var files: [String: Data] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(atPath: root))
        while let name = enumerator.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + name, isDirectory: &isFolder), !isFolder.boolValue {
                files[name] = FileManager.default.contents(atPath: root + "/" + name)
            }
        }
        return files
    }

    func testAnOutputFolderInsideTheNotebooksIsNotReadBack() throws {
        try fixture.write("01.md", "text\n")
        fixture.options.outputDirectory = fixture.folder.url("notebooks/site")
        XCTAssertEqual(fixture.render().exitCode, 0)
        let again = fixture.render()
        XCTAssertEqual(again.rendered.count, 1, "site/01.md (the copied source) is not a notebook to render")
    }

    func testMissingKaTeXIsAnErrorBeforeAnythingRuns() throws {
        try fixture.write("01.md", "text\n")
        fixture.options.katexDirectory = fixture.folder.url("nowhere")
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.errors.joined().contains("no KaTeX here"), report.errors.joined())
        XCTAssertFalse(fixture.siteFileExists("01.html"))
    }

    func testNoNotebooksIsAnError() throws {
        try fixture.folder.write("notebooks/readme.txt", "x")
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.errors.joined().contains("no notebooks"))
    }

    func testTwoNotebooksForTheSamePageAreAnError() throws {
        let a = try fixture.folder.write("a/01.md", "x\n")
        let b = try fixture.folder.write("b/01.md", "y\n")
        let report = fixture.render([a, b])
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertTrue(report.errors.joined().contains("would be written to the same place"), report.errors.joined())
    }
}
