import XCTest
@testable import Notebook

/// Nothing a notebook contains becomes markup of its own: not its prose
/// (unless --unsafe), its code, its outputs, its titles or its math.
final class EscapingTests: XCTestCase {
    private var fixture: RenderFixture!

    override func setUpWithError() throws { fixture = try RenderFixture() }
    override func tearDown() { fixture.remove() }

    static let injection = """
        ---
        title: Safe </title><script>alert(1)</script>
        summary: "\\" onmouseover=\\"alert(2)"
        ---
        # Injection <script>alert(3)</script>

        <script>alert(4)</script>

        <img src=x onerror="alert(5)">

        [click](javascript:alert(6)) and $</span><script>alert(7)</script>$

        ```python
        print("<script>alert(8)</script>")
        ```

        ```python error
        raise ValueError("<img src=x onerror=alert(9)>")
        ```
        """

    func testNoScriptOrHandlerFromTheNotebookReachesThePage() throws {
        try fixture.write("01-injection.md", Self.injection)
        let report = fixture.render()
        XCTAssertEqual(report.exitCode, 0, report.errors.joined())
        for name in ["01-injection.html", "index.html"] {
            let page = try fixture.site(name)
            let body = String(page[try XCTUnwrap(page.range(of: "<body>")).upperBound...])
            XCTAssertFalse(body.contains("<script"), "\(name): \(body)")
            XCTAssertFalse(body.contains("<img src=x"), body)
            XCTAssertFalse(body.contains("onerror=\""), body)
            XCTAssertFalse(body.contains("javascript:"), body)
            XCTAssertFalse(page.contains("</title><script>"), page)
            XCTAssertFalse(page.contains("\" onmouseover=\""), page)
        }
        let page = try fixture.site("01-injection.html")
        XCTAssertTrue(page.contains("<title>Safe &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>"), page)
        XCTAssertTrue(page.contains("<pre class=\"cell-output\"><code>&lt;script&gt;alert(8)&lt;/script&gt;</code></pre>"), page)
        XCTAssertTrue(page.contains("ValueError: &lt;img src=x onerror=alert(9)&gt;"), page)
        XCTAssertTrue(page.contains("<span class=\"math inline\">&lt;/span&gt;&lt;script&gt;alert(7)&lt;/script&gt;</span>"), page)
        // The only scripts are the page's own, in the head.
        XCTAssertEqual(occurrences(of: "<script", in: page), 2)
    }

    func testUnsafeLetsTheAuthorsHTMLThrough() throws {
        try fixture.write("01.md", "<div class=\"note\">Raw <b>HTML</b></div>\n\ntext\n")
        fixture.options.allowRawHTML = true
        XCTAssertEqual(fixture.render().exitCode, 0)
        let unsafePage = try fixture.site("01.html")
        XCTAssertTrue(unsafePage.contains("<div class=\"note\">Raw <b>HTML</b></div>"))
        XCTAssertFalse(unsafePage.contains("Content-Security-Policy"), "the author's HTML may need its own scripts")
        fixture.options.allowRawHTML = false
        XCTAssertEqual(fixture.render().exitCode, 0)
        let safePage = try fixture.site("01.html")
        XCTAssertFalse(safePage.contains("<div class=\"note\">"))
        XCTAssertTrue(safePage.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self';"), safePage)
    }

    func testHeadingIDsAreUniqueAndDoNotTakeThePagesOwn() throws {
        let html = try renderBody("## Setup\n\n## Setup\n\n## lg-contents\n\n## 反向 传播!\n\n## <em>?</em>\n")
        XCTAssertTrue(html.contains("<h2 id=\"setup\">"), html)
        XCTAssertTrue(html.contains("<h2 id=\"setup-1\">"), html)
        XCTAssertTrue(html.contains("<h2 id=\"lg-contents-1\">"), html)
        XCTAssertTrue(html.contains("<h2 id=\"反向-传播\">"), html)
        XCTAssertTrue(html.contains("<h2 id=\"section\">"), html)
    }
}

final class NotebookLinkTests: XCTestCase {
    func testRelativeLinksToNotebooksLeadToTheirPages() throws {
        let html = try renderBody("""
            [next](02-next.md) [part](../zh/01.md#setup) [query](a.md?x=1)
            [web](https://example.org/guide.md) [root](/docs/a.md) [data](table.mdx) [here](#notes)
            """ + "\n")
        XCTAssertTrue(html.contains("<a href=\"02-next.html\">next</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"../zh/01.html#setup\">part</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"a.html?x=1\">query</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/guide.md\">web</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"/docs/a.md\">root</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"table.mdx\">data</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"#notes\">here</a>"), html)
    }
}
