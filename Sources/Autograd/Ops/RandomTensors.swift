// Random factories and in-place samplers over PyTorch's generator streams
// (Random/), so `torch.manual_seed(s)` gives PyTorch's exact numbers.

extension Tensor {
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: TorchGenerator = .default) throws -> Tensor {
        let n = Shape.count(shape)
        try MemoryAccounting.check(elements: n, dtype: dtype)
        switch dtype {
        case .float64: return Tensor(storage: Storage(generator.uniformFloat64(count: n)), shape: shape)
        case .float32: return Tensor(storage: Storage(generator.uniformFloat32(count: n)), shape: shape)
        default: throw TorchError.runtime("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: TorchGenerator = .default) throws -> Tensor {
        let n = Shape.count(shape)
        try MemoryAccounting.check(elements: n, dtype: dtype)
        switch dtype {
        case .float64: return Tensor(storage: Storage(generator.normalFloat64(count: n)), shape: shape)
        case .float32: return Tensor(storage: Storage(generator.normalFloat32(count: n)), shape: shape)
        default: throw TorchError.runtime("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
    }

    public static func randint(low: Int64, high: Int64, shape: [Int], dtype: DType = .int64, generator: TorchGenerator = .default) throws -> Tensor {
        guard low < high else {
            throw TorchError.runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let n = Shape.count(shape)
        try MemoryAccounting.check(elements: n, dtype: dtype)
        let values = generator.randint(low: low, high: high, count: n)
        return try Tensor(storage: Storage(values, dtype: .int64), shape: shape).to(dtype)
    }

    public static func randperm(_ n: Int, generator: TorchGenerator = .default) throws -> Tensor {
        guard n >= 0 else { throw TorchError.runtime("n must be non-negative, got\(n)") }
        try MemoryAccounting.check(elements: n, dtype: .int64)
        return Tensor(storage: Storage(generator.randperm(n), dtype: .int64), shape: [n])
    }

    /// True when the elements exactly cover `count` consecutive storage slots
    /// (contiguous, or a permutation of a contiguous tensor such as a transpose).
    var isNonOverlappingAndDense: Bool {
        let dims = (0..<dim).filter { shape[$0] != 1 }.sorted { strides[$0] < strides[$1] }
        var expected = 1
        for d in dims {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// Writes freshly drawn values the way PyTorch's samplers do: in storage
    /// order when the tensor densely covers its storage (a transpose too),
    /// otherwise in logical row-major order.
    private func fillDrawn(_ values: Tensor) throws {
        if isNonOverlappingAndDense && !isContiguous {
            let base = Tensor(storage: storage, shape: [count], strides: [1], offset: elementOffsets().min() ?? offset)
            try base.assign(values.reshape([count]))
        } else {
            try assign(values)
        }
    }

    /// `uniform_(a, b)` in place (no autograd; used under no_grad by nn.init).
    @discardableResult
    public func uniformInPlace(from a: Double = 0, to b: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        try checkInPlaceAllowed()
        let values: Tensor
        switch dtype {
        case .float64: values = Tensor(storage: Storage(generator.uniformFloat64(count: count, from: a, to: b)), shape: shape)
        case .float32: values = Tensor(storage: Storage(generator.uniformFloat32(count: count, from: a, to: b)), shape: shape)
        default: throw TorchError.runtime("\"check_uniform_bounds\" not implemented for '\(dtype.scalarTypeName)'")
        }
        try fillDrawn(values)
        return self
    }

    /// `normal_(mean, std)` in place; the scalar path is used for non-contiguous tensors.
    @discardableResult
    public func normalInPlace(mean: Double = 0, std: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        try checkInPlaceAllowed()
        let values: Tensor
        switch dtype {
        case .float64: values = Tensor(storage: Storage(generator.normalFloat64(count: count, mean: mean, std: std, contiguous: isContiguous)), shape: shape)
        case .float32: values = Tensor(storage: Storage(generator.normalFloat32(count: count, mean: mean, std: std, contiguous: isContiguous)), shape: shape)
        default: throw TorchError.runtime("\"normal_kernel_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        try fillDrawn(values)
        return self
    }
}
