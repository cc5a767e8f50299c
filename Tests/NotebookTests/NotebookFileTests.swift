import Foundation
import XCTest
@testable import Notebook

final class NotebookFileTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private func permissions(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func testWriteReplacesContentAndKeepsPermissions() throws {
        let path = try folder.write("a.md", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try NotebookFile.write(Array("new".utf8), to: path)
        XCTAssertEqual(try folder.read("a.md"), "new")
        XCTAssertEqual(try permissions(path), 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["a.md"], "no temporary file left")
    }

    func testWriteThroughASymbolicLinkReplacesTheTarget() throws {
        let target = try folder.write("real/lesson.md", "old")
        let link = folder.url("link.md")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real/lesson.md")
        try NotebookFile.write(Array("new".utf8), to: link)
        XCTAssertEqual(try folder.read("real/lesson.md"), "new")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), "real/lesson.md")
        XCTAssertEqual(try NotebookFile.read(link), Array("new".utf8))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.url("real")), ["lesson.md"])
        _ = target
    }

    func testReadOnlyFileIsAClearError() throws {
        let path = try folder.write("ro.md", "old")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        XCTAssertThrowsError(try NotebookFile.write(Array("new".utf8), to: path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.description, "\(path): error: file is read-only; outputs were not written")
        }
        XCTAssertEqual(try folder.read("ro.md"), "old")
    }

    func testReadErrors() throws {
        XCTAssertThrowsError(try NotebookFile.read(folder.url("missing.md"))) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "no such file")
        }
        XCTAssertThrowsError(try NotebookFile.read(folder.path)) { error in
            XCTAssertEqual((error as? Diagnostic)?.message, "is a folder, not a notebook")
        }
    }

    func testInvalidUTF8AndNULAreRejectedAndNothingIsWritten() throws {
        let cases: [([UInt8], String)] = [
            (Array("```python\nprint(\"x\")\n```\nbad ".utf8) + [0xFF] + Array("\n".utf8), "4:5: error: invalid UTF-8 byte 0xFF"),
            (Array("ok\n```python\nx\0\n```\n".utf8), "3:2: error: NUL byte"),
            (Array("é".utf8) + [0xC3] + Array("\n".utf8), "1:2: error: invalid UTF-8 byte 0xC3"),
            ([0xED, 0xA0, 0x80], "1:1: error: invalid UTF-8 byte 0xED"), // an encoded surrogate
            ([0xC0, 0xAF], "1:1: error: invalid UTF-8 byte 0xC0"), // overlong
        ]
        for (index, (bytes, expected)) in cases.enumerated() {
            let path = try folder.write("bad\(index).md", bytes: bytes)
            var options = RunOptions.fake(.run)
            options.jobs = 1
            let report = Runner.run(paths: [path], options: options)
            XCTAssertEqual(report.exitCode, 2)
            let message = try XCTUnwrap(report.notebooks.first?.inputErrors.first?.description)
            XCTAssertTrue(message.hasPrefix("\(path):\(expected);"), message)
            XCTAssertEqual(try NotebookFile.read(path), bytes)
        }
    }

    func testRunWritesFilesAndReportsThem() throws {
        let path = try folder.write("lesson.md", "```python\nprint(\"hi\")\n```\n")
        let report = Runner.run(paths: [path], options: .fake(.run))
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.notebooks.first?.updatedBlocks, 1)
        XCTAssertEqual(try folder.read("lesson.md"), "```python\nprint(\"hi\")\n```\n\n```output\nhi\n```\n")
        let again = Runner.run(paths: [path], options: .fake(.check))
        XCTAssertEqual(again.exitCode, 0)
        XCTAssertEqual(again.summaryLine, "1 passed, 0 failed, 0 skipped")
    }

    func testRunIntoReadOnlyFileExitsWithTwo() throws {
        let path = try folder.write("ro.md", "```python\nprint(\"hi\")\n```\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path) }
        let report = Runner.run(paths: [path], options: .fake(.run))
        XCTAssertEqual(report.exitCode, 2)
        XCTAssertEqual(report.notebooks.first?.updatedBlocks, 0)
    }

    func testCheckNeverWrites() throws {
        let text = "```python\nprint(\"hi\")\n```\n"
        let path = try folder.write("lesson.md", text)
        let report = Runner.run(paths: [path], options: .fake(.check))
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertEqual(try folder.read("lesson.md"), text)
    }
}
