/// A reduction over any set of dims of a tensor, simplified the way PyTorch's
/// TensorIterator sees it: size-1 dims dropped and neighbouring dims of the same
/// kind (reduced or kept) merged into blocks when their strides allow. The block
/// layout decides PyTorch's summation order, so the reduction kernels work from it.
/// A layout is usually of a contiguous row-major buffer; one made with explicit
/// strides (a strided view, dims already in memory order) reads the buffer at
/// `offset` plus each block's stride, as TensorIterator reads a view.
public struct ReductionLayout: Equatable, Sendable {
    /// The input shape.
    public let shape: [Int]
    /// The reduced dims, wrapped to `0..<rank` and sorted.
    public let dims: [Int]

    /// Merged blocks from outermost to innermost.
    struct Block: Equatable {
        let size: Int
        let isReduced: Bool
        /// Elements between consecutive indices of this block.
        let stride: Int
    }
    let blocks: [Block]
    /// Where the first element is in the buffer the kernels receive.
    public let offset: Int
    /// Whether the blocks are row-major contiguous (no gaps, no reordering).
    public let isContiguous: Bool

    /// - Parameter dims: the dims to reduce, negative allowed; empty means all dims, as
    ///   `t.sum(())` does in PyTorch.
    public init(shape: [Int], dims: [Int]) throws {
        var wrapped: [Int] = []
        for dim in dims {
            let axis = try AxisSplit.normalizedDim(dim, rank: shape.count)
            if wrapped.contains(axis) {
                throw TorchError.runtime("dim \(axis) appears multiple times in the list of dims")
            }
            wrapped.append(axis)
        }
        self.shape = shape
        self.dims = dims.isEmpty ? Array(shape.indices) : wrapped.sorted()
        var merged: [(size: Int, isReduced: Bool)] = []
        for (axis, size) in shape.enumerated() where size != 1 {
            let reduced = self.dims.contains(axis)
            if let last = merged.last, last.isReduced == reduced {
                merged[merged.count - 1].size = last.size * size
            } else {
                merged.append((size, reduced))
            }
        }
        var stride = 1
        var built: [Block] = []
        for block in merged.reversed() {
            built.append(Block(size: block.size, isReduced: block.isReduced, stride: stride))
            stride *= block.size
        }
        blocks = built.reversed()
        offset = 0
        isContiguous = true
    }

    /// A strided view: `strides` in elements, the dims already in memory order
    /// (decreasing strides), the first element at `offset` of the buffer.
    public init(shape: [Int], strides: [Int], dims: [Int], offset: Int) throws {
        let plain = try ReductionLayout(shape: shape, dims: dims)
        self.shape = shape
        self.dims = plain.dims
        self.offset = offset
        var merged: [Block] = []
        for (axis, size) in shape.enumerated().reversed() where size != 1 {
            let reduced = self.dims.contains(axis)
            if let inner = merged.last, inner.isReduced == reduced, strides[axis] == inner.stride * inner.size {
                merged[merged.count - 1] = Block(size: inner.size * size, isReduced: reduced, stride: inner.stride)
            } else {
                merged.append(Block(size: size, isReduced: reduced, stride: strides[axis]))
            }
        }
        blocks = merged.reversed()
        isContiguous = blocks == plain.blocks && offset == 0
    }

    /// The result's shape without the reduced dims (keepdim is the caller's reshape).
    public var resultShape: [Int] {
        shape.enumerated().filter { !dims.contains($0.offset) }.map(\.element)
    }

    /// How many input elements each result element reduces.
    public var reducedCount: Int {
        dims.reduce(1) { $0 * shape[$1] }
    }

    public var resultCount: Int { resultShape.reduce(1, *) }

    /// The single-axis view when the reduced dims form one block (or none).
    var singleAxis: AxisSplit? {
        guard isContiguous else { return nil }
        let reducedBlocks = blocks.filter(\.isReduced)
        guard reducedBlocks.count <= 1 else { return nil }
        guard let axisIndex = blocks.firstIndex(where: \.isReduced) else {
            return AxisSplit(outer: blocks.reduce(1) { $0 * $1.size }, axis: 1, inner: 1)
        }
        return AxisSplit(
            outer: blocks[..<axisIndex].reduce(1) { $0 * $1.size }, axis: blocks[axisIndex].size,
            inner: blocks[(axisIndex + 1)...].reduce(1) { $0 * $1.size })
    }

    /// When the reduction is one contiguous run per result (a single reduced block,
    /// innermost, stride 1: PyTorch's `is_reduce_lastdim`), its length and where each run starts.
    var contiguousLines: (length: Int, starts: [Int])? {
        let reduced = blocks.filter(\.isReduced)
        guard reduced.count == 1, let last = blocks.last, last.isReduced, last.stride == 1 else { return nil }
        return (last.size, Self.offsets(of: blocks.filter { !$0.isReduced }).map { offset + $0 })
    }

    /// Calls `body(resultIndex, offsets)` for every result element in row-major order,
    /// where `offsets` lists the input offsets it reduces in PyTorch's iteration order
    /// (innermost reduced block fastest).
    func forEachResult(_ body: (Int, [Int]) -> Void) {
        let kept = blocks.filter { !$0.isReduced }
        let reduced = blocks.filter(\.isReduced)
        let reducedOffsets = Self.offsets(of: reduced)
        for (resultIndex, base) in Self.offsets(of: kept).enumerated() {
            body(resultIndex, reducedOffsets.map { offset + base + $0 })
        }
    }

    /// Row-major offsets of every index combination of `blocks`.
    static func offsets(of blocks: [Block]) -> [Int] {
        var result = [0]
        for block in blocks {
            var next: [Int] = []
            next.reserveCapacity(result.count * block.size)
            for offset in result {
                for index in 0..<block.size { next.append(offset + index * block.stride) }
            }
            result = next
        }
        return result
    }
}
