/// A contiguous row-major shape seen as `outer × axis × inner` around one
/// dimension, the layout every single-axis kernel works in.
public struct AxisSplit: Equatable, Sendable {
    /// Product of the sizes before the axis.
    public let outer: Int
    /// Size of the axis itself.
    public let axis: Int
    /// Product of the sizes after the axis (the stride of the axis).
    public let inner: Int

    public init(outer: Int, axis: Int, inner: Int) {
        self.outer = outer
        self.axis = axis
        self.inner = inner
    }

    /// Splits `shape` around `dim`, which may be negative (Python style). A 0-d
    /// shape accepts dims -1 and 0, as PyTorch does. Out of range dims throw
    /// PyTorch's IndexError.
    public init(shape: [Int], dim: Int) throws {
        let axisIndex = try AxisSplit.normalizedDim(dim, rank: shape.count)
        if shape.isEmpty {
            self.init(outer: 1, axis: 1, inner: 1)
            return
        }
        self.init(
            outer: shape[..<axisIndex].reduce(1, *), axis: shape[axisIndex],
            inner: shape[(axisIndex + 1)...].reduce(1, *))
    }

    /// Elements of the reduced result (`outer × inner`).
    public var resultCount: Int { outer * inner }

    /// `dim` wrapped into `0..<max(rank, 1)`, or PyTorch's out-of-range IndexError.
    public static func normalizedDim(_ dim: Int, rank: Int) throws -> Int {
        let size = max(rank, 1)
        guard dim >= -size, dim < size else {
            throw TorchError.index(
                "Dimension out of range (expected to be in range of [\(-size), \(size - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + size : dim
    }
}
