import Foundation
import Notebook
import XCTest

/// Rendered pages opened from disk in headless Chromium: KaTeX typeset every
/// math span, figures are in the page, and a notebook full of script
/// injections runs none. Screenshots of a lesson are kept under
/// `.build/artifacts/browser/` for CI to publish.
final class RenderedPageBrowserTests: XCTestCase {
    private static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    private static var site: String?
    private static var workFolder: String?

    private static let injectedTitle = "Injection test"
    static let injection = """
        ---
        title: \(injectedTitle)
        summary: "<script>document.title='pwned-summary'</script>"
        ---
        # Injection <script>document.title='pwned-heading'</script>

        <script>document.title='pwned-prose'</script>

        <img src=x onerror="document.title='pwned-img'">

        [link](javascript:document.title='pwned-link') and $</span><script>document.title='pwned-math'</script>$

        ```python
        print("<script>document.title='pwned-output'</script>")
        ```

        ```output
        <script>document.title='pwned-output'</script>
        ```
        """

    static let figures = """
        ---
        title: Figures
        ---
        # Figures

        A plot and a computation graph, $y = w x$:

        ```python
        figure("loss-curve")
        ```

        ```python graph
        y = w * x
        ```
        """

    static let chinese = """
        ---
        title: 链式法则
        summary: 用手推导每一个梯度。
        ---
        # 链式法则

        反向传播就是链式法则：$\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y}\\,x$。

        $$
        \\begin{aligned}
        y &= w x + b \\\\
        L &= (y - t)^2
        \\end{aligned}
        $$
        """

    override class func setUp() {
        super.setUp()
        let folder = NSTemporaryDirectory() + "litgrad-browser-" + UUID().uuidString
        workFolder = folder
        let fixtures = folder + "/fixtures"
        for (name, text) in [("90-figures.md", figures), ("91-injection.md", injection), ("zh/01-链式法则.md", chinese)] {
            let path = fixtures + "/" + name
            try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        }
        var options = RenderOptions(outputDirectory: folder + "/site")
        // The bundled lessons run on the real interpreter; the fixtures draw fake figures.
        options.makeRunner = { path, limits in
            path.hasPrefix(fixtures) ? ReplayRunner(path: path) : CellRunners.interpreter(path, limits)
        }
        options.jobs = 2
        let report = SiteRenderer.render(paths: [repository + "/notebooks", fixtures], options: options)
        if report.exitCode == 0 { site = folder + "/site" } else { print(report.errors.joined(separator: "\n")) }
    }

    override class func tearDown() {
        if let workFolder { try? FileManager.default.removeItem(atPath: workFolder) }
        super.tearDown()
    }

    private func page(_ name: String) throws -> String {
        let site = try XCTUnwrap(Self.site, "the site did not render")
        return site + "/" + name
    }

    private func lessonPages() throws -> [String] {
        let site = try XCTUnwrap(Self.site, "the site did not render")
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.repository + "/notebooks").filter { $0.hasSuffix(".md") }
        XCTAssertFalse(names.isEmpty)
        return names.sorted().map { site + "/" + $0.dropLast(3) + ".html" } + [site + "/zh/01-链式法则.html"]
    }

    func testKaTeXTypesetsEveryMathSpan() throws {
        let browser = try HeadlessChromium.require()
        var total = 0
        for path in try lessonPages() {
            let source = try String(contentsOfFile: path, encoding: .utf8)
            let spans = occurrences("<span class=\"math ", in: source)
            total += spans
            let dom = try browser.dumpDOM(path)
            XCTAssertEqual(occurrences("<span class=\"math inline\"><span class=\"katex\">", in: dom)
                           + occurrences("<span class=\"math display\"><span class=\"katex-display\">", in: dom), spans,
                           "every math span of \(path) holds KaTeX output")
            XCTAssertEqual(occurrences("<span class=\"math ", in: dom), spans)
            XCTAssertFalse(dom.contains("katex-error"), "KaTeX could not parse some math in \(path)")
            XCTAssertFalse(dom.contains("math-error"))
            XCTAssertFalse(dom.contains("$$"), "raw display math left in \(path)")
        }
        XCTAssertGreaterThan(total, 10, "the lessons have math to typeset")
    }

    func testFiguresAreOnThePageAsSVG() throws {
        let browser = try HeadlessChromium.require()
        let dom = try browser.dumpDOM(try page("90-figures.html"))
        XCTAssertTrue(dom.contains("<figure class=\"cell-figure\"><svg"), dom)
        XCTAssertEqual(occurrences("data-name=\"loss-curve\"", in: dom), 1)
        XCTAssertEqual(occurrences("data-name=\"graph\"", in: dom), 1)
        XCTAssertTrue(dom.contains("<span class=\"math inline\"><span class=\"katex\">"))
    }

    func testInjectedScriptsDoNotRun() throws {
        let browser = try HeadlessChromium.require()
        let path = try page("91-injection.html")
        let source = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(source.contains("&lt;script&gt;document.title='pwned-output'&lt;/script&gt;"), "the output is on the page, escaped")
        let dom = try browser.dumpDOM(path)
        XCTAssertTrue(dom.contains("<title>\(Self.injectedTitle)</title>"), dom)
        XCTAssertFalse(dom.contains("<title>pwned"), dom)
        let index = try browser.dumpDOM(try page("index.html"))
        XCTAssertTrue(index.contains("<title>Lessons</title>"), index)
    }

    func testScreenshotsOfALesson() throws {
        let browser = try HeadlessChromium.require()
        let artifacts = Self.repository + "/.build/artifacts/browser"
        let lesson = try lessonPages()[0]
        let shots = [("lesson-desktop.png", 1280, 2200, false), ("lesson-phone.png", 390, 2400, false),
                     ("lesson-dark.png", 1280, 1400, true)]
        for (name, width, height, dark) in shots {
            try browser.screenshot(lesson, to: artifacts + "/" + name, width: width, height: height, dark: dark)
        }
        try browser.screenshot(try page("zh/01-链式法则.html"), to: artifacts + "/lesson-zh.png", width: 900, height: 900)
        try browser.screenshot(try page("90-figures.html"), to: artifacts + "/figures.png", width: 900, height: 1000)
        try browser.screenshot(try page("index.html"), to: artifacts + "/index.png", width: 900, height: 700)
        for name in shots.map(\.0) + ["lesson-zh.png", "figures.png", "index.png"] {
            let size = (try FileManager.default.attributesOfItem(atPath: artifacts + "/" + name)[.size] as? Int) ?? 0
            XCTAssertGreaterThan(size, 10_000, "\(name) looks empty")
        }
    }

    private func occurrences(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }
}
