/// The shortest edit script between two line sequences (Myers' O(ND)
/// algorithm), with a caller-supplied notion of "equal" so that lines that
/// match within tolerance pair up.
enum LineDiff {
    enum Step: Equatable {
        case keep(old: Int, new: Int)
        case delete(old: Int)
        case insert(new: Int)
    }

    /// Beyond this many differences the middle part is shown as all-deleted
    /// then all-inserted: the trace would cost O(D²) memory for little insight.
    static let maximumDifferences = 2000

    static func steps(oldCount: Int, newCount: Int, equal: (Int, Int) -> Bool) -> [Step] {
        var prefix = 0
        while prefix < oldCount && prefix < newCount && equal(prefix, prefix) { prefix += 1 }
        var suffix = 0
        while suffix < oldCount - prefix && suffix < newCount - prefix
                && equal(oldCount - 1 - suffix, newCount - 1 - suffix) { suffix += 1 }

        var steps: [Step] = (0..<prefix).map { .keep(old: $0, new: $0) }
        let oldRange = prefix..<(oldCount - suffix)
        let newRange = prefix..<(newCount - suffix)
        steps += middle(oldRange, newRange, equal)
        steps += (0..<suffix).map { .keep(old: oldCount - suffix + $0, new: newCount - suffix + $0) }
        return steps
    }

    private static func middle(_ old: Range<Int>, _ new: Range<Int>, _ equal: (Int, Int) -> Bool) -> [Step] {
        let n = old.count, m = new.count
        if n == 0 || m == 0 {
            return old.map { .delete(old: $0) } + new.map { .insert(new: $0) }
        }
        let limit = min(n + m, maximumDifferences)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && equal(old.lowerBound + x, new.lowerBound + y) { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m {
                    return backtrack(trace, d: d, n: n, m: m, old: old, new: new)
                }
            }
        }
        return old.map { .delete(old: $0) } + new.map { .insert(new: $0) }
    }

    /// Walks the saved frontiers back from (n, m) to (0, 0). `trace[d]` is
    /// the frontier before round d (indices k + d for k in -d...d): the
    /// values round d chose its moves from.
    private static func backtrack(_ trace: [[Int]], d finalD: Int, n: Int, m: Int, old: Range<Int>, new: Range<Int>) -> [Step] {
        var steps: [Step] = []
        var x = n, y = m
        for d in stride(from: finalD, through: 1, by: -1) {
            let frontier = trace[d]
            func at(_ k: Int) -> Int { frontier[k + d] }
            let k = x - y
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            // The snake of equal lines that followed the move.
            let moveEndX = previousK == k + 1 ? previousX : previousX + 1
            while x > moveEndX {
                x -= 1; y -= 1
                steps.append(.keep(old: old.lowerBound + x, new: new.lowerBound + y))
            }
            if previousK == k + 1 {
                steps.append(.insert(new: new.lowerBound + previousY))
            } else {
                steps.append(.delete(old: old.lowerBound + previousX))
            }
            x = previousX
            y = previousY
        }
        while x > 0 {
            x -= 1; y -= 1
            steps.append(.keep(old: old.lowerBound + x, new: new.lowerBound + y))
        }
        return steps.reversed()
    }
}
