/// `max`/`min` (with indices), `argmax`/`argmin` over a whole tensor or along an axis.
/// PyTorch's rules: the first occurrence wins ties, and NaN beats every number
/// (the first NaN along an axis; any NaN for a whole-tensor max).
public enum ExtremaReductions {
    public enum Kind: Sendable {
        case max, min

        var name: String { self == .max ? "max" : "min" }

        /// Whether `candidate` replaces `best` in a scan (NaN always does).
        @inline(__always) func prefers<T: Comparable>(_ candidate: T, over best: T) -> Bool {
            if candidate != candidate { return best == best }
            switch self {
            case .max: return candidate > best
            case .min: return candidate < best
            }
        }
    }

    /// `t.max(dim)` / `t.min(dim)`: values and int64 indices, each `outer × inner`.
    /// Throws PyTorch's IndexError when the axis is empty; `dim` is the wrapped
    /// (non-negative) dim the message names.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Int64)
    public static func alongAxis<T: Comparable>(
        _ values: [T], _ split: AxisSplit, kind: Kind, dim: Int
    ) throws -> (values: [T], indices: [Int64]) {
        if split.axis == 0 {
            throw TorchError.index(
                "\(kind.name)(): Expected reduction dim \(dim) to have non-zero size.")
        }
        var bestValues: [T] = []
        var bestIndices: [Int64] = []
        bestValues.reserveCapacity(split.resultCount)
        bestIndices.reserveCapacity(split.resultCount)
        for block in 0..<split.outer {
            for column in 0..<split.inner {
                let base = block * split.axis * split.inner + column
                var best = values[base]
                var bestIndex = 0
                if best == best {
                    for position in 1..<max(split.axis, 1) {
                        let candidate = values[base + position * split.inner]
                        if kind.prefers(candidate, over: best) {
                            best = candidate
                            bestIndex = position
                            if candidate != candidate { break }
                        }
                    }
                }
                bestValues.append(best)
                bestIndices.append(Int64(bestIndex))
            }
        }
        return (bestValues, bestIndices)
    }

    /// `t.argmax(dim)` / `t.argmin(dim)`.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Int64)
    public static func argAlongAxis<T: Comparable>(
        _ values: [T], _ split: AxisSplit, kind: Kind, dim: Int
    ) throws -> [Int64] {
        if split.axis == 0 {
            throw TorchError.index(
                "arg\(kind.name)(): Expected reduction dim \(dim) to have non-zero size.")
        }
        return try alongAxis(values, split, kind: kind, dim: dim).indices
    }

    /// `t.max()` / `t.min()` of a whole tensor; RuntimeError when it is empty.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Int64)
    public static func all<T: Comparable>(_ values: [T], kind: Kind) throws -> T {
        guard !values.isEmpty else {
            throw TorchError.runtime(
                "\(kind.name)(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.")
        }
        let split = AxisSplit(outer: 1, axis: values.count, inner: 1)
        return try alongAxis(values, split, kind: kind, dim: 0).values[0]
    }

    /// `t.argmax()` / `t.argmin()` of the flattened tensor; IndexError when it is empty.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    @_specialize(exported: true, where T == Int64)
    public static func argAll<T: Comparable>(_ values: [T], kind: Kind) throws -> Int64 {
        guard !values.isEmpty else {
            throw TorchError.index(
                "arg\(kind.name)(): Expected reduction dim to be specified for input.numel() == 0.")
        }
        let split = AxisSplit(outer: 1, axis: values.count, inner: 1)
        return try alongAxis(values, split, kind: kind, dim: 0).indices[0]
    }
}
