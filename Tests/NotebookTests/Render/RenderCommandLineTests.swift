import Foundation
import XCTest

/// `litgrad render` as a user runs it: help, usage errors, exit statuses.
final class RenderCommandLineTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private func litgrad(_ arguments: String...) throws -> (status: Int32, stdout: String, stderr: String) {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        guard let executable = candidates.map({ $0.appendingPathComponent("litgrad") })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw XCTSkip("the litgrad executable was not built next to the tests")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testRenderHelpDescribesOptionsAndCellMarkers() throws {
        let help = try litgrad("render", "--help")
        XCTAssertEqual(help.status, 0)
        for text in ["--out <dir>", "--format <html|md>", "--unsafe", "--jobs <n>", "--exclude <glob>", "--timeout <seconds>",
                     "'hide' run and show their output", "figures/NAME-N.svg", "libjs-katex",
                     "litgrad render notebooks --out site"] {
            XCTAssertTrue(help.stdout.contains(text), "missing \(text) in\n\(help.stdout)")
        }
        XCTAssertTrue(try litgrad("--help").stdout.contains("render"))
    }

    func testServeHelpAndUsageErrors() throws {
        let help = try litgrad("serve", "--help")
        XCTAssertEqual(help.status, 0)
        for text in ["--port <n>", "--out <dir>", "--unsafe", "127.0.0.1", "litgrad serve notebooks --port 8080 --out site"] {
            XCTAssertTrue(help.stdout.contains(text), "missing \(text) in\n\(help.stdout)")
        }
        XCTAssertEqual(try litgrad("serve", "x.md", "--port", "70000").status, 2)
        XCTAssertEqual(try litgrad("serve", "x.md", "--timeout", "0").status, 2)
    }

    func testUsageErrorsExitWithTwo() throws {
        XCTAssertEqual(try litgrad("render", "x.md").status, 2, "--out is required")
        XCTAssertEqual(try litgrad("render", "x.md", "--out", "site", "--format", "pdf").status, 2)
        XCTAssertEqual(try litgrad("render", "x.md", "--out", "site", "--jobs", "0").status, 2)
        let missing = try litgrad("render", "missing.md", "--out", "site")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("missing.md: error: no such file or folder"), missing.stderr)
    }

    func testMarkdownRenderOfAProseNotebookSucceeds() throws {
        try folder.write("lessons/01.md", "# Prose\n\nNo cells, $x$.\n")
        let result = try litgrad("render", "lessons", "--out", "out", "--format", "md")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("rendered 1 notebook into out"), result.stdout)
        XCTAssertEqual(try folder.read("out/01.md"), "# Prose\n\nNo cells, $x$.\n")
    }
}
