// Derivative table, sorting along a dim:
//   sort(dim, descending)        ∂a = g placed back at the sorted-from positions (SortBackward0)
//   topk(k, dim, largest)        ∂a = g placed at the chosen positions, zeros elsewhere (TopkBackward0)
// Order: NaN sorts above every number (last ascending, first descending);
// equal values keep their original order.

extension Tensor {
    /// For each row along `d`, the source positions of the row's elements in sorted order.
    fileprivate func sortedPositions(_ d: Int, descending: Bool) throws -> (split: AxisSplit, order: [[Int]]) {
        let split = try AxisSplit(shape: shape, dim: d)
        let values = doubles()
        var order: [[Int]] = []
        order.reserveCapacity(split.outer * split.inner)
        for o in 0..<split.outer {
            for i in 0..<split.inner {
                let base = o * split.axis * split.inner + i
                let row = (0..<split.axis).map { base + $0 * split.inner }
                order.append(row.enumerated().sorted { l, r in
                    let a = values[l.element], b = values[r.element]
                    if a.isNaN || b.isNaN {
                        if a.isNaN && b.isNaN { return l.offset < r.offset }
                        return descending ? a.isNaN : b.isNaN
                    }
                    if a != b { return descending ? a > b : a < b }
                    return l.offset < r.offset
                }.map(\.element))
            }
        }
        return (split, order)
    }

    /// Gathers `count` sorted elements per row into an output whose dim `d` has that size.
    private func selectSorted(_ d: Int, count: Int, descending: Bool, name: String, kind: String) throws -> ValuesAndIndices {
        let a = self
        let (split, order) = try sortedPositions(d, descending: descending)
        var outShape = shape
        if !outShape.isEmpty { outShape[d] = count }
        var positions = [Int](repeating: 0, count: split.outer * count * split.inner)
        var indices = [Int64](repeating: 0, count: positions.count)
        for o in 0..<split.outer {
            for i in 0..<split.inner {
                let row = order[o * split.inner + i]
                for j in 0..<count {
                    let out = (o * count + j) * split.inner + i
                    positions[out] = row[j]
                    indices[out] = Int64((row[j] - o * split.axis * split.inner - i) / split.inner)
                }
            }
        }
        let p = positions, baseShape = a.shape
        let values = try untracked { try a.take(p, shape: outShape, name: "IndexBackward0") }
        let recorded = try values.recorded(name, symbol: kind, inputs: [a],
                                           tangent: { try $0[0]?.take(p, shape: outShape, name: "IndexBackward0") }) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).put(p, values: g, accumulate: false, name: "IndexPutBackward0")]
        }
        return ValuesAndIndices(values: recorded, indices: Tensor(storage: Storage(indices, dtype: .int64), shape: outShape), kind: kind)
    }

    /// `sort(dim=-1, descending=False)` → (values, indices).
    public func sort(dim dimension: Int = -1, descending: Bool = false) throws -> ValuesAndIndices {
        let d = try Shape.wrapDim(dimension, rank: dim)
        return try selectSorted(d, count: dim == 0 ? 1 : shape[d], descending: descending, name: "SortBackward0", kind: "sort")
    }

    /// `topk(k, dim=-1, largest=True, sorted=True)` → (values, indices), best first.
    public func topk(_ k: Int, dim dimension: Int = -1, largest: Bool = true) throws -> ValuesAndIndices {
        let d = try Shape.wrapDim(dimension, rank: dim)
        let size = dim == 0 ? 1 : shape[d]
        guard k >= 0 && k <= size else { throw TorchError.runtime("selected index k out of range") }
        return try selectSorted(d, count: k, descending: largest, name: "TopkBackward0", kind: "topk")
    }

    /// `argsort(dim=-1, descending=False)`.
    public func argsort(dim dimension: Int = -1, descending: Bool = false) throws -> Tensor {
        try sort(dim: dimension, descending: descending).indices
    }
}

extension Tensor {
    /// `median()` over all elements: the lower middle value (NaN if any), with
    /// the gradient going to that one element (MedianBackward0).
    public func median() throws -> Tensor {
        guard count > 0 else { return try Tensor.full([], .nan, dtype: dtype) }
        let a = self, baseShape = shape
        let flat = try untracked { try a.reshape([a.count]) }
        let values = flat.doubles()
        let position: Int
        if let nan = values.firstIndex(where: \.isNaN) {
            position = nan
        } else {
            position = try flat.sortedPositions(0, descending: false).order[0][(count - 1) / 2]
        }
        let result = try untracked { try a.take([position], shape: [], name: "IndexBackward0") }
        return try result.recorded("MedianBackward0", symbol: "median", inputs: [a],
                                   tangent: { try $0[0]?.take([position], shape: [], name: "IndexBackward0") }) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).put([position], values: g, accumulate: false, name: "IndexPutBackward0")]
        }
    }
}
