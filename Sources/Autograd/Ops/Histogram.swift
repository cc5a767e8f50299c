// `torch.histogram`: counts (or weights) of a float tensor's elements in bins,
// as PyTorch's CPU kernel assigns them. Not differentiable.

public struct HistogramResult {
    public let hist: Tensor
    public let binEdges: Tensor
}

extension Tensor {
    /// `torch.histogram(input, bins: int, range=, weight=, density=)`: `bins` equal
    /// bins from the smallest to the largest element (or over `range`), edges from
    /// `linspace`, each element placed by division then checked against its
    /// neighbouring edges (PyTorch's linear interpolation with local search).
    public func histogram(bins: Int, range: (Double, Double)? = nil, weight: Tensor? = nil,
                          density: Bool = false) throws -> HistogramResult {
        try checkHistogramInput()
        guard bins > 0 else { throw TorchError.runtime("torch.histogram(): bins must be > 0, but got \(bins) for dimension 0") }
        var (low, high): (Double, Double)
        if let range {
            (low, high) = range
        } else if count == 0 {
            (low, high) = (0, 0)
        } else {
            let flat = detach()
            (low, high) = (try flat.min().scalarDouble(), try flat.max().scalarDouble())
        }
        guard low.isFinite, high.isFinite else {
            throw TorchError.runtime("torch.histogramdd: dimension 0's range [\(low), \(high)] is not finite")
        }
        guard low <= high else {
            throw TorchError.runtime("torch.histogramdd: min should not exceed max, but got min \(low) max \(high) for dimension 0")
        }
        if low == high {
            low -= 0.5
            high += 0.5
        }
        let edges = try Tensor.linspace(low, high, bins + 1, dtype: dtype)
        return try histogram(edges: edges, weight: weight, density: density, linearBins: true)
    }

    /// `torch.histogram(input, bins: Tensor, ...)`: bins between consecutive edges
    /// (increasing), each element placed by binary search; the last bin includes
    /// its right edge.
    public func histogram(edges: Tensor, weight: Tensor? = nil, density: Bool = false) throws -> HistogramResult {
        try checkHistogramInput()
        guard edges.dtype == dtype else {
            throw TorchError.runtime("torch.histogramdd: input tensor and bins tensors should have the same dtype, but got input \(dtype.scalarTypeName.lowercased()) and bins for dimension 0 \(edges.dtype.scalarTypeName.lowercased())")
        }
        guard edges.dim == 1, edges.count >= 1 else {
            throw TorchError.runtime("torch.histogramdd: bins tensor should have one dimension and at least 1 element")
        }
        return try histogram(edges: edges.detach().contiguous(), weight: weight, density: density, linearBins: false)
    }

    private func checkHistogramInput() throws {
        guard dtype.isFloatingPoint else { throw TorchError.notImplemented("\"histogramdd\" not implemented for '\(dtype.scalarTypeName)'") }
    }

    private func histogram(edges: Tensor, weight: Tensor?, density: Bool, linearBins: Bool) throws -> HistogramResult {
        if let weight, weight.shape != shape {
            throw TorchError.runtime("torch.histogramdd: if weight tensor is provided it should have the same shape as the input tensor excluding its innermost dimension, but got input with shape \(Shape.describe(shape)) and weight with shape \(Shape.describe(weight.shape))")
        }
        if let weight, weight.dtype != dtype {
            throw TorchError.runtime("torch.histogramdd: if weight tensor is provided, input tensor and weight tensor should have the same dtype, but got input(\(dtype.scalarTypeName.lowercased())), and weight(\(weight.dtype.scalarTypeName.lowercased()))")
        }
        let hist: Tensor
        if dtype == .float64 {
            let counts = Self.binCounts(detach().elements(as: Double.self), edges: edges.elements(as: Double.self),
                                        weights: weight?.detach().elements(as: Double.self), linearBins: linearBins)
            hist = Tensor(storage: Storage(counts), shape: [edges.count - 1])
        } else {
            let counts = Self.binCounts(detach().elements(as: Float.self), edges: edges.elements(as: Float.self),
                                        weights: weight?.detach().elements(as: Float.self), linearBins: linearBins)
            hist = Tensor(storage: Storage(counts), shape: [edges.count - 1])
        }
        guard density else { return HistogramResult(hist: hist, binEdges: edges) }
        // hist / hist.sum() / edges.diff(), as PyTorch divides.
        let lengths = try edges.slice(0, start: 1, end: nil).sub(edges.slice(0, start: 0, end: edges.count - 1))
        let normalised = try hist.div(hist.sum()).div(lengths)
        return HistogramResult(hist: normalised.detach(), binEdges: edges)
    }

    private static func binCounts<T: BinaryFloatingPoint>(_ values: [T], edges: [T], weights: [T]?, linearBins: Bool) -> [T] {
        let edgeCount = edges.count
        var counts = [T](repeating: 0, count: Swift.max(edgeCount - 1, 0))
        guard edgeCount > 1, let left = edges.first, let right = edges.last else { return counts }
        /// Index of the first edge greater than `v` within lo..<hi, minus one.
        func upperBound(_ v: T, _ lo: Int, _ hi: Int) -> Int {
            var lo = lo, hi = hi
            while lo < hi {
                let mid = (lo + hi) / 2
                if edges[mid] <= v { lo = mid + 1 } else { hi = mid }
            }
            return lo - 1
        }
        for (i, v) in values.enumerated() {
            guard v >= left && v <= right else { continue }
            var pos: Int
            if linearBins {
                let estimate = Int((v - left) * T(edgeCount - 1) / (right - left))
                pos = upperBound(v, Swift.max(0, estimate - 1), Swift.min(estimate + 2, edgeCount))
            } else {
                pos = upperBound(v, 0, edgeCount)
            }
            if pos == edgeCount - 1 { pos -= 1 }
            counts[pos] += weights?[i] ?? 1
        }
        return counts
    }
}
