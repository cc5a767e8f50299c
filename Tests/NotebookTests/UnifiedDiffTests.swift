import XCTest
@testable import Notebook

final class UnifiedDiffTests: XCTestCase {
    func testChangedLineWithNotebookLineNumbers() {
        let diff = UnifiedDiff.render(recorded: "a\nb\nc\n", fresh: "a\nB\nc\n", firstLine: 10,
                                      oldLabel: "nb.md:9 (recorded)", newLabel: "this run")
        XCTAssertEqual(diff, """
            --- nb.md:9 (recorded)
            +++ this run
            @@ -10,3 +10,3 @@
             a
            -b
            +B
             c

            """)
    }

    func testLinesWithinToleranceAreContext() {
        let diff = UnifiedDiff.render(recorded: "x 0.5000\ny 1\n", fresh: "x 0.5001\ny 2\n", firstLine: 1,
                                      oldLabel: "old", newLabel: "new")
        XCTAssertEqual(diff, "--- old\n+++ new\n@@ -1,2 +1,2 @@\n x 0.5000\n-y 1\n+y 2\n")
    }

    func testSeparateHunksAndContextOfThree() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        var newLines = (1...20).map { "line \($0)" }
        newLines[1] = "changed 2"
        newLines[17] = "changed 18"
        let diff = UnifiedDiff.render(recorded: old, fresh: newLines.joined(separator: "\n") + "\n", firstLine: 100,
                                      oldLabel: "o", newLabel: "n")
        let hunkHeaders = diff.split(separator: "\n").filter { $0.hasPrefix("@@") }
        XCTAssertEqual(hunkHeaders, ["@@ -100,5 +100,5 @@", "@@ -114,6 +114,6 @@"])
    }

    func testEmptySides() {
        XCTAssertEqual(UnifiedDiff.render(recorded: "", fresh: "a\nb\n", firstLine: 5, oldLabel: "o", newLabel: "n"),
                       "--- o\n+++ n\n@@ -4,0 +5,2 @@\n+a\n+b\n")
        XCTAssertEqual(UnifiedDiff.render(recorded: "a\n", fresh: "", firstLine: 5, oldLabel: "o", newLabel: "n"),
                       "--- o\n+++ n\n@@ -5 +4,0 @@\n-a\n")
    }

    func testInsertionInTheMiddle() {
        let diff = UnifiedDiff.render(recorded: "a\nb\nc\n", fresh: "a\nb\nx\nc\n", firstLine: 1, oldLabel: "o", newLabel: "n")
        XCTAssertEqual(diff, "--- o\n+++ n\n@@ -1,3 +1,4 @@\n a\n b\n+x\n c\n")
    }

    func testMyersFindsAShortestScript() {
        // Property: the script's keeps form a common subsequence, and deleting
        // then inserting per the script turns old into new.
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Int.random(in: 0...3, using: &rng) }
            let new = (0..<Int.random(in: 0...12, using: &rng)).map { _ in Int.random(in: 0...3, using: &rng) }
            let steps = LineDiff.steps(oldCount: old.count, newCount: new.count) { old[$0] == new[$1] }
            var rebuilt: [Int] = []
            var oldSeen: [Int] = []
            var keeps = 0
            for step in steps {
                switch step {
                case .keep(let o, let n): XCTAssertEqual(old[o], new[n]); rebuilt.append(new[n]); oldSeen.append(o); keeps += 1
                case .delete(let o): oldSeen.append(o)
                case .insert(let n): rebuilt.append(new[n])
                }
            }
            XCTAssertEqual(rebuilt, new)
            XCTAssertEqual(oldSeen, Array(old.indices))
            XCTAssertEqual(keeps, longestCommonSubsequence(old, new), "\(old) → \(new)")
        }
    }

    private func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
