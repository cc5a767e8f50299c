// Derivative table, reductions.
//   sum:   ∂a = g expanded back to a's shape
//   mean:  ∂a = g expanded / n

extension Tensor {
    /// Sums along `dims` of a contiguous row-major buffer (outer × reduced × inner).
    private func reduceValues(dims: [Int], keepdim: Bool, _ combine: (inout Double, Double) -> Void, initial: Double) -> (values: [Double], shape: [Int]) {
        let values = doubles()
        let reduced = Set(dims)
        var outShape: [Int] = []
        for (d, size) in shape.enumerated() {
            if reduced.contains(d) { if keepdim { outShape.append(1) } } else { outShape.append(size) }
        }
        let keptShape = shape.enumerated().map { reduced.contains($0.offset) ? 1 : $0.element }
        let keptStrides = Shape.contiguousStrides(keptShape)
        var out = [Double](repeating: initial, count: Shape.count(keptShape))
        var index = [Int](repeating: 0, count: shape.count)
        for v in values {
            var o = 0
            for d in 0..<shape.count where !reduced.contains(d) { o += index[d] * keptStrides[d] }
            combine(&out[o], v)
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        return (out, outShape)
    }

    /// Sum of all elements. float32 sums accumulate in float32 pairwise order
    /// approximations; integer and bool sums give int64.
    public func sum() throws -> Tensor {
        let a = self
        let outType: DType = dtype.isFloatingPoint ? dtype : .int64
        let out: Tensor
        switch dtype {
        case .float32: out = Tensor(storage: Storage([ReductionKernel.sumFloat(floats())]), shape: [])
        case .float64: out = Tensor(storage: Storage([ReductionKernel.sumDouble(doubles())]), shape: [])
        default: out = Tensor(storage: Storage([int64s().reduce(0, &+)], dtype: outType), shape: [])
        }
        return try out.recorded("SumBackward0", symbol: "Σ", inputs: [a], tangent: { try $0[0]?.sum() }) { g in [try g.expand(a.shape)] }
    }

    public func sum(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let a = self
        let wrapped = try Set(dims.map { try Shape.wrapDim($0, rank: dim) }).sorted()
        if dim == 0 { return try sum() }
        let outType: DType = dtype.isFloatingPoint ? dtype : .int64
        let r = reduceValues(dims: wrapped, keepdim: keepdim, { $0 += $1 }, initial: 0)
        let out: Tensor
        if dtype == .float32 {
            out = try sumFloat32(dims: wrapped, keepdim: keepdim)
        } else {
            out = try Tensor.from(r.values, shape: r.shape, dtype: outType)
        }
        return try out.recorded("SumBackward1", symbol: "Σ", inputs: [a], tangent: { try $0[0]?.sum(dims: wrapped, keepdim: keepdim) }) { g in
            var g = g
            if !keepdim { for d in wrapped { g = try g.unsqueeze(d) } }
            return [try g.expand(a.shape)]
        }
    }

    /// float32 sums along dims, accumulated in float32 per output like PyTorch's inner loops.
    private func sumFloat32(dims: [Int], keepdim: Bool) throws -> Tensor {
        let values = floats()
        let reduced = Set(dims)
        let keptShape = shape.enumerated().map { reduced.contains($0.offset) ? 1 : $0.element }
        let keptStrides = Shape.contiguousStrides(keptShape)
        var groups = [[Float]](repeating: [], count: Shape.count(keptShape))
        var index = [Int](repeating: 0, count: shape.count)
        for v in values {
            var o = 0
            for d in 0..<shape.count where !reduced.contains(d) { o += index[d] * keptStrides[d] }
            groups[o].append(v)
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                if index[d] < shape[d] { break }
                index[d] = 0
                d -= 1
            }
        }
        let outShape = keepdim ? keptShape : shape.enumerated().filter { !reduced.contains($0.offset) }.map(\.element)
        return Tensor(storage: Storage(groups.map(ReductionKernel.sumFloat)), shape: outShape)
    }

    public func mean() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        let a = self
        let n = count
        let out = try untracked { try sum().div(Tensor.wrapped(Double(n), dtype: .int64)) }
        return try out.recorded("MeanBackward0", symbol: "mean", inputs: [a], tangent: { try $0[0]?.mean() }) { g in
            [try g.expand(a.shape).div(Tensor.wrapped(Double(n), dtype: .int64))]
        }
    }

    public func mean(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
        let a = self
        let wrapped = try Set(dims.map { try Shape.wrapDim($0, rank: dim) }).sorted()
        let n = wrapped.reduce(1) { $0 * (dim == 0 ? 1 : shape[$1]) }
        let out = try untracked { try sum(dims: wrapped, keepdim: keepdim).div(Tensor.wrapped(Double(n), dtype: .int64)) }
        return try out.recorded("MeanBackward1", symbol: "mean", inputs: [a], tangent: { try $0[0]?.mean(dims: wrapped, keepdim: keepdim) }) { g in
            var g = g
            if !keepdim && a.dim > 0 { for d in wrapped { g = try g.unsqueeze(d) } }
            return [try g.expand(a.shape).div(Tensor.wrapped(Double(n), dtype: .int64))]
        }
    }
}

/// Summation kernels. PyTorch sums float32 with a cascade of partial sums;
/// this pairwise order matches it for the small sizes lessons use.
enum ReductionKernel {
    static func sumFloat(_ v: [Float]) -> Float {
        v.withUnsafeBufferPointer { pairwise($0[...]) }
    }

    private static func pairwise(_ v: Slice<UnsafeBufferPointer<Float>>) -> Float {
        if v.count <= 16 {
            var s: Float = 0
            for x in v { s += x }
            return s
        }
        let mid = v.startIndex + v.count / 2
        return pairwise(v[v.startIndex..<mid]) + pairwise(v[mid..<v.endIndex])
    }

    static func sumDouble(_ v: [Double]) -> Double {
        var s = 0.0
        for x in v { s += x }
        return s
    }
}
