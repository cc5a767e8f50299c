import Foundation
import XCTest
@testable import Notebook

final class RunnerTests: XCTestCase {
    private var folder: TemporaryFolder!

    override func setUpWithError() throws { folder = try TemporaryFolder() }
    override func tearDown() { folder.remove() }

    private func makeNotebooks(_ count: Int) throws -> [String] {
        try (0..<count).map { i in
            try folder.write(String(format: "n%02d.md", i), "```python\nprint(\"notebook \(i)\")\ncounter()\n```\n\n```output\nnotebook \(i)\n1\n```\n")
        }
    }

    func testParallelRunsReportInInputOrderWithOneSessionEach() throws {
        let paths = try makeNotebooks(12)
        let pool = FakeRunnerPool()
        var options = RunOptions.fake(.check, pool: pool)
        options.jobs = 4
        let report = Runner.run(paths: [folder.path], options: options)
        XCTAssertEqual(report.notebooks.map(\.path), paths)
        XCTAssertEqual(report.summaryLine, "12 passed, 0 failed, 0 skipped")
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(pool.runners.count, 12)
        XCTAssertEqual(Set(pool.runners.map(\.fileName)), Set(paths))
    }

    func testShardOption() throws {
        let paths = try makeNotebooks(5)
        var options = RunOptions.fake(.check)
        options.shard = Shard("2/2")
        XCTAssertEqual(Runner.run(paths: [folder.path], options: options).notebooks.map(\.path), [paths[1], paths[3]])
    }

    func testExitCodes() throws {
        let good = try folder.write("good.md", "```python\nprint(\"a\")\n```\n\n```output\na\n```\n")
        let bad = try folder.write("bad.md", "```python\nprint(\"b\")\n```\n\n```output\na\n```\n")
        let broken = try folder.write("broken.md", "```python bogus\nx\n```\n")
        XCTAssertEqual(Runner.run(paths: [good], options: .fake(.check)).exitCode, 0)
        XCTAssertEqual(Runner.run(paths: [good, bad], options: .fake(.check)).exitCode, 1)
        XCTAssertEqual(Runner.run(paths: [good, bad, broken], options: .fake(.check)).exitCode, 2)
        XCTAssertEqual(Runner.run(paths: [good, folder.url("missing.md")], options: .fake(.check)).exitCode, 2)
    }

    func testFindingNoNotebooksIsAnErrorButAnEmptyShardIsNot() throws {
        let empty = Runner.run(paths: [folder.path], options: .fake(.check))
        XCTAssertEqual(empty.exitCode, 2)
        XCTAssertEqual(empty.usageErrors.map(\.message), ["no notebooks (*.md files) found"])

        _ = try makeNotebooks(1)
        var options = RunOptions.fake(.check)
        options.shard = Shard("2/2")
        let shard = Runner.run(paths: [folder.path], options: options)
        XCTAssertEqual(shard.exitCode, 0)
        XCTAssertTrue(shard.notebooks.isEmpty)
    }

    func testProgressEventsFromEveryNotebook() throws {
        _ = try makeNotebooks(3)
        let lock = NSLock()
        var finished = 0
        var total = -1
        var options = RunOptions.fake(.check)
        options.jobs = 2
        options.progress = { event in
            lock.lock(); defer { lock.unlock() }
            switch event {
            case .started(let notebooks): total = notebooks
            case .notebookFinished: finished += 1
            case .cellStarted: break
            }
        }
        _ = Runner.run(paths: [folder.path], options: options)
        XCTAssertEqual(total, 3)
        XCTAssertEqual(finished, 3)
    }

    func testProgressLineWaitsThenDrawsThenClears() {
        var written = ""
        let immediate = ProgressLine(delay: 0) { written += $0 }
        immediate.handle(.started(notebooks: 2))
        XCTAssertEqual(written, "\r\u{1B}[K[0/2] ")
        Thread.sleep(forTimeInterval: 0.11)
        immediate.handle(.cellStarted(path: "a.md", cell: 1, cells: 3, line: 7))
        XCTAssertTrue(written.hasSuffix("\r\u{1B}[K[0/2] a.md cell 1/3 (line 7)"), written)
        immediate.finish()
        XCTAssertTrue(written.hasSuffix("\r\u{1B}[K"))

        var quiet = ""
        let delayed = ProgressLine(delay: 3600) { quiet += $0 }
        delayed.handle(.started(notebooks: 1))
        delayed.handle(.cellStarted(path: "a.md", cell: 1, cells: 1, line: 1))
        delayed.finish()
        XCTAssertEqual(quiet, "")
    }

    func testProgressLineTicksDuringALongCell() {
        let lock = NSLock()
        var written = ""
        let line = ProgressLine(delay: 0) { text in lock.lock(); written += text; lock.unlock() }
        line.handle(.started(notebooks: 1))
        line.handle(.cellStarted(path: "slow.md", cell: 1, cells: 1, line: 3))
        lock.lock(); written = ""; lock.unlock()
        line.startTicking()
        Thread.sleep(forTimeInterval: 0.8)
        line.finish()
        lock.lock(); defer { lock.unlock() }
        XCTAssertTrue(written.hasPrefix("\r\u{1B}[K[0/1] slow.md cell 1/1 (line 3)"), written.debugDescription)
    }
}
