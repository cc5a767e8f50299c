// Derivative table, sums and means (bit-identical to PyTorch through SumReductions).
//   sum:   ∂a = g expanded back to a's shape
//   mean:  ∂a = g expanded / n          (the value is sum / n in a's dtype, as PyTorch's CPU mean)

extension Tensor {
    /// Sum of all elements (SumBackward0); integer and bool sums give int64.
    public func sum() throws -> Tensor {
        let a = self
        let out = try summedAll()
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("SumBackward0", symbol: "Σ", inputs: [a], tangent: { try $0[0]?.sum() }) { g in [try g.expand(a.shape)] }
    }

    /// `sum(dims, keepdim)` (SumBackward1); an empty `dims` reduces every dim, as in PyTorch.
    public func sum(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let a = self
        let input = try ReductionInput(self, dims: dims)
        let out = try summed(input, keepdim: keepdim)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("SumBackward1", symbol: "Σ", inputs: [a], tangent: { try $0[0]?.sum(dims: dims, keepdim: keepdim) }) { g in
            [try g.restoringReducedDims(input, keepdim: keepdim).expand(a.shape)]
        }
    }

    /// The sum of all elements; a contiguous float tensor goes straight to the kernel.
    private func summedAll() throws -> Tensor {
        if isContiguous {
            switch dtype {
            case .float32: return Tensor(storage: Storage([SumReductions.sum(elements(as: Float.self))]), shape: [])
            case .float64: return Tensor(storage: Storage([SumReductions.sum(elements(as: Double.self))]), shape: [])
            default: break
            }
        }
        return try summed(ReductionInput(self, dims: []), keepdim: false)
    }

    /// The mean of all elements (sum / count in the tensor's dtype).
    private func averagedAll() throws -> Tensor {
        if isContiguous {
            switch dtype {
            case .float32: return Tensor(storage: Storage([SumReductions.mean(elements(as: Float.self))]), shape: [])
            case .float64: return Tensor(storage: Storage([SumReductions.mean(elements(as: Double.self))]), shape: [])
            default: break
            }
        }
        return try averaged(ReductionInput(self, dims: []), keepdim: false)
    }

    /// The sums without autograd, in PyTorch's summation order.
    private func summed(_ input: ReductionInput, keepdim: Bool) throws -> Tensor {
        switch dtype {
        case .float32:
            return try input.result(SumReductions.sum(input.values(self, as: Float.self), input.layout), dtype: .float32, keepdim: keepdim)
        case .float64:
            return try input.result(SumReductions.sum(input.values(self, as: Double.self), input.layout), dtype: .float64, keepdim: keepdim)
        case .int64, .int32:
            return try input.result(Tensor.integerSums(input.values(self, as: Int64.self), input.layout), dtype: .int64, keepdim: keepdim)
        case .bool:
            let ones = input.values(self, as: Bool.self).map { Int64($0 ? 1 : 0) }
            return try input.result(Tensor.integerSums(ones, input.layout), dtype: .int64, keepdim: keepdim)
        }
    }

    /// Integer sums wrap on overflow; their order does not matter.
    private static func integerSums(_ values: [Int64], _ layout: ReductionLayout) -> [Int64] {
        var result = [Int64](repeating: 0, count: layout.resultCount)
        layout.forEachResult { slot, offsets in
            var total: Int64 = 0
            for o in offsets { total &+= values[o] }
            result[slot] = total
        }
        return result
    }

    private func requireFloatingMean() throws {
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(dtype.scalarTypeName)")
        }
    }

    /// The means without autograd: PyTorch's CPU mean is the sum divided by the count in the tensor's dtype.
    private func averaged(_ input: ReductionInput, keepdim: Bool) throws -> Tensor {
        if dtype == .float32 {
            return try input.result(SumReductions.mean(input.values(self, as: Float.self), input.layout), dtype: .float32, keepdim: keepdim)
        }
        return try input.result(SumReductions.mean(input.values(self, as: Double.self), input.layout), dtype: .float64, keepdim: keepdim)
    }

    public func mean() throws -> Tensor {
        try requireFloatingMean()
        let a = self
        let n = count
        let out = try averagedAll()
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("MeanBackward0", symbol: "mean", inputs: [a], tangent: { try $0[0]?.mean() }) { g in
            [try g.expand(a.shape).div(Tensor.wrapped(Double(n), dtype: .int64))]
        }
    }

    public func mean(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        try requireFloatingMean()
        let a = self
        let input = try ReductionInput(self, dims: dims)
        let n = input.reducedCount
        let out = try averaged(input, keepdim: keepdim)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("MeanBackward1", symbol: "mean", inputs: [a], tangent: { try $0[0]?.mean(dims: dims, keepdim: keepdim) }) { g in
            [try g.restoringReducedDims(input, keepdim: keepdim).expand(a.shape).div(Tensor.wrapped(Double(n), dtype: .int64))]
        }
    }
}
