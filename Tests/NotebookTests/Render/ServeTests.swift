import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import Notebook

/// `litgrad serve`: the site over HTTP on 127.0.0.1, re-rendered when a notebook changes.
final class ServeTests: XCTestCase {
    private var fixture: RenderFixture!

    override func setUpWithError() throws { fixture = try RenderFixture() }
    override func tearDown() { fixture.remove() }

    private func get(_ url: String) async throws -> (status: Int, body: String, type: String?) {
        let (data, response) = try await URLSession.shared.data(from: try XCTUnwrap(URL(string: url)))
        let http = try XCTUnwrap(response as? HTTPURLResponse)
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
    }

    func testServesTheSiteAndReRendersAChangedNotebook() async throws {
        let notebook = try fixture.write("01-live.md", "---\ntitle: Live\n---\nFirst version, $x$.\n")
        let server = try SiteServer(paths: [fixture.folder.url("notebooks")], options: fixture.options, port: 0, log: { _ in })
        let port = try await server.start()
        XCTAssertGreaterThan(port, 0)
        let base = "http://127.0.0.1:\(port)"

        let index = try await get(base + "/")
        XCTAssertEqual(index.status, 200)
        XCTAssertTrue(index.body.contains("href=\"01-live.html\">Live</a>"), index.body)
        XCTAssertEqual(index.type, "text/html; charset=utf-8")
        let page = try await get(base + "/01-live.html")
        XCTAssertTrue(page.body.contains("First version"))
        XCTAssertTrue(page.body.contains("<script defer src=\"/__litgrad/live-reload.js\"></script>"), page.body)
        let script = try await get(base + "/__litgrad/live-reload.js")
        XCTAssertTrue(script.body.contains("/__litgrad/version"))
        let before = try await get(base + "/__litgrad/version").body

        try "---\ntitle: Live\n---\nSecond version, $x$.\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        var after = before
        for _ in 0..<100 where after == before {
            try await Task.sleep(nanoseconds: 100_000_000)
            after = try await get(base + "/__litgrad/version").body
        }
        XCTAssertNotEqual(after, before, "the version moves when the notebook changes")
        let changed = try await get(base + "/01-live.html")
        XCTAssertTrue(changed.body.contains("Second version"))
        await server.stop()
    }

    func testUnknownPathsAndPathsOutsideTheSiteAreNotFound() async throws {
        try fixture.write("01.md", "text\n")
        let server = try SiteServer(paths: [fixture.folder.url("notebooks")], options: fixture.options, port: 0, log: { _ in })
        let port = try await server.start()
        let missing = try await get("http://127.0.0.1:\(port)/nope.html")
        XCTAssertEqual(missing.status, 404)
        let root = fixture.options.outputDirectory
        XCTAssertNil(SiteServer.file(for: "/../secret", root: root))
        XCTAssertNil(SiteServer.file(for: "/assets/../../secret", root: root))
        XCTAssertNil(SiteServer.file(for: "/.hidden", root: root))
        XCTAssertEqual(SiteServer.file(for: "/", root: root), root + "/index.html")
        XCTAssertEqual(SiteServer.file(for: "/zh/01.html", root: root), root + "/zh/01.html")
        await server.stop()
    }

    func testAFailingNotebookKeepsItsLastGoodPage() throws {
        let notebook = try fixture.write("01.md", "good\n")
        let site = LiveSite(paths: [fixture.folder.url("notebooks")], options: fixture.options)
        XCTAssertEqual(site.refresh()?.exitCode, 0)
        XCTAssertNil(site.refresh(), "nothing changed")
        let version = site.version
        try "```python\nraise ValueError(\"broken\")\n```\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        let report = try XCTUnwrap(site.refresh())
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertTrue(report.errors.joined().contains("ValueError: broken"))
        XCTAssertTrue(try fixture.site("01.html").contains("good"))
        XCTAssertEqual(site.version, version, "no file changed, no reload")
    }
}
