import Foundation
import XCTest
@testable import Notebook

func parse(_ text: String, path: String = "nb.md", file: StaticString = #filePath, line: UInt = #line) throws -> NotebookDocument {
    try NotebookDocument.parse(Array(text.utf8), path: path)
}

/// The errors parsing `text` reports (empty if it parses).
func parseErrors(_ text: String, path: String = "nb.md") -> [String] {
    parseErrors(Array(text.utf8), path: path)
}

func parseErrors(_ bytes: [UInt8], path: String = "nb.md") -> [String] {
    do {
        _ = try NotebookDocument.parse(bytes, path: path)
        return []
    } catch let error as NotebookInputError {
        return error.diagnostics.map(\.description)
    } catch {
        return ["\(error)"]
    }
}

/// Runs `text` in memory as notebook `path` with the fake runner; returns the
/// report and the new text (nil when nothing would be written).
func process(_ text: String, mode: RunOptions.Mode = .run, path: String = "nb.md",
             configure: (inout RunOptions) -> Void = { _ in }) throws -> (NotebookReport, String?) {
    let (report, bytes) = try process(bytes: Array(text.utf8), mode: mode, path: path, configure: configure)
    return (report, bytes.map { String(decoding: $0, as: UTF8.self) })
}

func process(bytes: [UInt8], mode: RunOptions.Mode = .run, path: String = "nb.md",
             configure: (inout RunOptions) -> Void = { _ in }) throws -> (NotebookReport, [UInt8]?) {
    var options = RunOptions.fake(mode)
    configure(&options)
    let document = try NotebookDocument.parse(bytes, path: path)
    return NotebookRun(path: path, options: options).process(document)
}

/// The notebook after `run` (unchanged text when nothing was written).
func runOnce(_ text: String, configure: (inout RunOptions) -> Void = { _ in }) throws -> String {
    try process(text, configure: configure).1 ?? text
}

/// A fresh folder under the system's temporary folder, removed by `tearDown`.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "litgrad-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func url(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, bytes: Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, bytes: [UInt8]) throws -> String {
        let file = url(name)
        let folder = (file as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: url(name))), as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
