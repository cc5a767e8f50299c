/// `numpy.histogram`: bin edges and counts, computed the way numpy does so the
/// counts `plt.hist` returns (and draws) match it, values on edges included.
public struct Histogram: Equatable, Sendable {
    public enum Bins: Equatable, Sendable {
        /// Equal-width bins over the range.
        case count(Int)
        /// Explicit, increasing edges (n + 1 of them for n bins).
        case edges([Double])
    }

    public var counts: [Double]
    public var edges: [Double]

    /// - Parameters:
    ///   - range: (lower, upper) for equal-width bins; by default the finite
    ///     minimum and maximum of `values` (NaN ignored, as `plt.hist` does).
    ///   - density: counts divided by (total count × bin width).
    public static func compute(_ values: [Double], bins: Bins = .count(10), range: (Double, Double)? = nil,
                               density: Bool = false) throws -> Histogram {
        let edges: [Double]
        var counts: [Double]
        switch bins {
        case .count(let n):
            guard n >= 1 else { throw PlotError.value("`bins` must be positive, when an integer") }
            let (first, last) = try outerEdges(values, range: range)
            edges = linspace(first, last, count: n + 1)
            counts = equalWidthCounts(values, edges: edges, first: first, last: last)
        case .edges(let given):
            guard given.count >= 2 else { throw PlotError.value("`bins` must have at least one bin") }
            for i in 1..<given.count where !(given[i - 1] <= given[i]) {
                throw PlotError.value("`bins` must increase monotonically, when an array")
            }
            edges = given
            counts = explicitEdgeCounts(values, edges: edges)
        }
        if density {
            let total = counts.reduce(0, +)
            for i in counts.indices {
                counts[i] = counts[i] / (edges[i + 1] - edges[i]) / total
            }
        }
        return Histogram(counts: counts, edges: edges)
    }

    /// numpy's `_get_outer_edges`, with matplotlib's NaN-free default range.
    private static func outerEdges(_ values: [Double], range: (Double, Double)?) throws -> (Double, Double) {
        var first: Double, last: Double
        if let range {
            (first, last) = range
            guard first <= last else { throw PlotError.value("max must be larger than min in range parameter.") }
            guard first.isFinite && last.isFinite else {
                throw PlotError.value("supplied range of [\(first), \(last)] is not finite")
            }
        } else {
            let finite = values.filter { !$0.isNaN }
            guard let lo = finite.min(), let hi = finite.max() else { return (0, 1) }
            guard lo.isFinite && hi.isFinite else {
                throw PlotError.value("autodetected range of [\(lo), \(hi)] is not finite")
            }
            (first, last) = (lo, hi)
        }
        if first == last {
            first -= 0.5
            last += 0.5
        }
        return (first, last)
    }

    /// `numpy.linspace(first, last, count)`: `i · step + first`, last exactly `last`.
    static func linspace(_ first: Double, _ last: Double, count: Int) -> [Double] {
        let div = Double(count - 1)
        let step = (last - first) / div
        var result = (0..<count).map { Double($0) * step + first }
        result[count - 1] = last
        return result
    }

    /// numpy's fast path for equal bins: an index from arithmetic, then a
    /// correction against the actual edges so values on an edge land where
    /// the edges say (the last bin is closed on the right).
    private static func equalWidthCounts(_ values: [Double], edges: [Double], first: Double, last: Double) -> [Double] {
        let n = edges.count - 1
        var counts = [Double](repeating: 0, count: n)
        let span = last - first
        for v in values where v >= first && v <= last {
            var i = Int((v - first) / span * Double(n))
            if i == n { i -= 1 }
            if v < edges[i] { i -= 1 }
            if i != n - 1 && v >= edges[i + 1] { i += 1 }
            counts[i] += 1
        }
        return counts
    }

    /// Bins [e_i, e_{i+1}), the last one closed.
    private static func explicitEdgeCounts(_ values: [Double], edges: [Double]) -> [Double] {
        let n = edges.count - 1
        var counts = [Double](repeating: 0, count: n)
        guard let first = edges.first, let last = edges.last else { return counts }
        for v in values where v >= first && v <= last {
            // The last edge whose value is <= v, by binary search.
            var lo = 0, hi = n
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if edges[mid] <= v { lo = mid } else { hi = mid - 1 }
            }
            counts[min(lo, n - 1)] += 1
        }
        return counts
    }
}
