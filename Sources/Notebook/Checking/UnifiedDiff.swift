/// A unified diff of a recorded output block against a fresh output, with
/// line numbers of the notebook, for people to read in a terminal or CI log.
public enum UnifiedDiff {
    static let contextLines = 3

    /// Plain text; the text report adds colour on a terminal.
    /// - Parameter firstLine: notebook line of the block's first content
    ///   line; the fresh side is numbered as if it replaced the block.
    public static func render(recorded: String, fresh: String, firstLine: Int,
                              oldLabel: String, newLabel: String,
                              comparison: OutputComparison = OutputComparison()) -> String {
        let oldLines = recorded.isEmpty ? [] : OutputComparison.lines(recorded)
        let newLines = fresh.isEmpty ? [] : OutputComparison.lines(fresh)
        let steps = LineDiff.steps(oldCount: oldLines.count, newCount: newLines.count) {
            comparison.linesMatch(recorded: oldLines[$0], fresh: newLines[$1])
        }
        var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
        for hunk in hunks(steps) {
            let (oldStart, oldCount, newStart, newCount) = hunkRange(hunk, firstLine: firstLine)
            out += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for step in hunk {
                switch step {
                case .keep(let o, _): out += " " + text(oldLines[o]) + "\n"
                case .delete(let o): out += "-" + text(oldLines[o]) + "\n"
                case .insert(let n): out += "+" + text(newLines[n]) + "\n"
                }
            }
        }
        return out
    }

    private static func text(_ line: ArraySlice<UInt8>) -> String { String(decoding: line, as: UTF8.self) }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Groups the steps into hunks: each change with up to three lines of context.
    private static func hunks(_ steps: [LineDiff.Step]) -> [[LineDiff.Step]] {
        let changed = steps.indices.filter { if case .keep = steps[$0] { return false } else { return true } }
        guard !changed.isEmpty else { return [] }
        var groups: [[LineDiff.Step]] = []
        var start = max(0, changed[0] - contextLines)
        var end = min(steps.count, changed[0] + contextLines + 1)
        for index in changed.dropFirst() {
            if index - contextLines <= end {
                end = min(steps.count, index + contextLines + 1)
            } else {
                groups.append(Array(steps[start..<end]))
                start = index - contextLines
                end = min(steps.count, index + contextLines + 1)
            }
        }
        groups.append(Array(steps[start..<end]))
        return groups
    }

    private static func hunkRange(_ hunk: [LineDiff.Step], firstLine: Int) -> (Int, Int, Int, Int) {
        var oldStart: Int?, newStart: Int?
        var oldCount = 0, newCount = 0
        var oldBefore = 0, newBefore = 0 // lines before the hunk, for empty sides
        for step in hunk {
            switch step {
            case .keep(let o, let n):
                oldStart = oldStart ?? o; newStart = newStart ?? n
                oldCount += 1; newCount += 1
                oldBefore = o + 1; newBefore = n + 1
            case .delete(let o):
                oldStart = oldStart ?? o; oldCount += 1
                oldBefore = o + 1
            case .insert(let n):
                newStart = newStart ?? n; newCount += 1
                newBefore = n + 1
            }
        }
        // As in diff(1): an empty side names the line before it.
        let oldFirst = oldStart.map { firstLine + $0 } ?? (firstLine + oldBefore - 1)
        let newFirst = newStart.map { firstLine + $0 } ?? (firstLine + newBefore - 1)
        return (oldFirst, oldCount, newFirst, newCount)
    }
}
