import Foundation
import XCTest
@testable import Notebook

/// Runs the built `litgrad` executable: help text, usage errors and exit
/// statuses are part of the interface.
final class CommandLineTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `swift build`/`swift test` put the executable next to the test bundle.
    private func executable() throws -> URL {
        var candidates = [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
        candidates += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
        for folder in candidates {
            let url = folder.appendingPathComponent("litgrad")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("the litgrad executable was not built next to the tests")
    }

    private func litgrad(_ arguments: String...) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                       stderr: String(decoding: stderr, as: UTF8.self))
    }

    func testHelpListsSubcommandsAndExamples() throws {
        let help = try litgrad("--help")
        XCTAssertEqual(help.status, 0)
        for text in ["run", "check", "new", "render", "serve", "Examples:", "litgrad check lessons --jobs 4 --format github --junit report.xml"] {
            XCTAssertTrue(help.stdout.contains(text), "missing \(text) in\n\(help.stdout)")
        }
    }

    func testCheckHelpDescribesEveryOption() throws {
        let help = try litgrad("check", "--help")
        XCTAssertEqual(help.status, 0)
        for option in ["--exact", "--format <text|github>", "--junit <file>", "--jobs <n>", "--shard <I/N>",
                       "--exclude <glob>", "--quiet", "--rtol <x>", "--atol <x>", "--timeout <seconds>",
                       "Exit status: 0 all cells pass, 1 a cell failed or an output differs"] {
            XCTAssertTrue(help.stdout.contains(option), "missing \(option) in\n\(help.stdout)")
        }
        let runHelp = try litgrad("run", "--help")
        XCTAssertTrue(runHelp.stdout.contains("--force") && runHelp.stdout.contains("--check"))
    }

    func testUsageErrorsExitWithTwoAndSayWhatWasExpected() throws {
        let noPath = try litgrad("check")
        XCTAssertEqual(noPath.status, 2)
        XCTAssertTrue(noPath.stderr.contains("Missing expected argument '<path> ...'"), noPath.stderr)

        let badJobs = try litgrad("check", "--jobs", "0", "x.md")
        XCTAssertEqual(badJobs.status, 2)
        XCTAssertTrue(badJobs.stderr.contains("--jobs expects a whole number of at least 1, got 0."), badJobs.stderr)

        let badShard = try litgrad("check", "--shard", "3/2", "x.md")
        XCTAssertEqual(badShard.status, 2)
        XCTAssertTrue(badShard.stderr.contains("'3/2' is invalid for '--shard <I/N>'"), badShard.stderr)

        let badFormat = try litgrad("check", "--format", "xml", "x.md")
        XCTAssertEqual(badFormat.status, 2)
        XCTAssertTrue(badFormat.stderr.contains("'text' and 'github'"), badFormat.stderr)

        let both = try litgrad("run", "--force", "--check", "x.md")
        XCTAssertEqual(both.status, 2)

        let missing = try litgrad("check", "missing.md")
        XCTAssertEqual(missing.status, 2)
        XCTAssertEqual(missing.stdout, "missing.md: error: no such file or folder\n\n0 passed, 0 failed, 0 skipped\n0 notebooks in 0.00s\n")
    }

    func testInputErrorExitsWithTwo() throws {
        try folder.write("typo.md", "Intro\n\n```python nrun\nx = 1\n```\n")
        let outcome = try litgrad("check", "typo.md")
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stdout.hasPrefix("typo.md:3:11: error: unknown cell attribute 'nrun'"), outcome.stdout)
    }

    func testRaisingCellLeavesTheFileUnchangedAndExitsWithOne() throws {
        let text = "# Lesson\n\n```python\nraise ValueError(\"boom\")\n```\n"
        try folder.write("lesson.md", text)
        let outcome = try litgrad("run", "lesson.md")
        XCTAssertEqual(outcome.status, 1, outcome.stdout + outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("lesson.md:4:1: error: "), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("    4 | raise ValueError(\"boom\")\n      | ^\n"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("\n0 passed, 1 failed, 0 skipped\n"), outcome.stdout)
        XCTAssertEqual(try folder.read("lesson.md"), text)
    }

    func testGitHubFormatAndJUnitFile() throws {
        try folder.write("lesson.md", "```python\nraise ValueError(\"boom\")\n```\n")
        let outcome = try litgrad("check", "lesson.md", "--format", "github", "--junit", "out/report.xml", "--jobs", "1")
        XCTAssertEqual(outcome.status, 2, "the JUnit folder does not exist")
        try FileManager.default.createDirectory(atPath: folder.url("out"), withIntermediateDirectories: true)
        let again = try litgrad("check", "lesson.md", "--format", "github", "--junit", "out/report.xml")
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stdout.hasPrefix("::error file=lesson.md,line=2,col=1,title=cell raised "), again.stdout)
        let xml = try folder.read("out/report.xml")
        XCTAssertTrue(xml.contains("<testsuite name=\"lesson.md\" tests=\"1\" failures=\"1\""), xml)
    }

    func testNewWritesATemplateThatParsesAndRefusesToOverwrite() throws {
        let created = try litgrad("new", "chain.md", "--title", "The chain rule: part 1")
        XCTAssertEqual(created.status, 0)
        XCTAssertEqual(created.stdout, "created chain.md\n")
        let document = try NotebookDocument.parse(NotebookFile.read(folder.url("chain.md")), path: "chain.md")
        XCTAssertEqual(document.frontMatter.title, "The chain rule: part 1")
        XCTAssertEqual(document.cells.count, 1)
        XCTAssertEqual(document.cells[0].output?.text, "tensor(4.)\n")
        XCTAssertTrue(document.cells[0].source.code.hasSuffix("print(x.grad)"))

        let again = try litgrad("new", "chain.md", "--title", "Other")
        XCTAssertEqual(again.status, 2)
        XCTAssertEqual(again.stderr, "chain.md: error: already exists; litgrad new never overwrites a file\n")
        XCTAssertEqual(try litgrad("new", "x.md").status, 2, "--title is required")
    }
}
