// Fused losses with their own derivative rows (for PyTorch's grad_fn names
// and numerics).

public enum Reduction: String, Sendable {
    case none, mean, sum

    /// The `reduction=` string of a loss, with PyTorch's error for anything else.
    public init(parsing name: String) throws {
        guard let r = Reduction(rawValue: name) else {
            throw TorchError.value("\(name) is not a valid value for reduction")
        }
        self = r
    }
}

extension Tensor {
    // mse_loss:  ∂x = norm · (x − y) · g,  norm = 2/N for mean, 2 otherwise;  ∂y = −∂x
    public func mseLoss(_ target: Tensor, reduction: Reduction = .mean) throws -> Tensor {
        let x = self, y = target
        guard x.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"mse_cpu\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        let fused = MSEKernels.fusible(x, y)
        let out: Tensor = try untracked {
            if fused { return try MSEKernels.loss(x, y, reduction) }
            let sq = try x.sub(y).pow(2)
            switch reduction {
            case .none: return sq
            case .mean: return try sq.mean()
            case .sum: return try sq.sum()
            }
        }
        guard Tensor.recordingNeeded(x, y) else { return out }
        let shape = try Shape.broadcast(x.shape, y.shape)
        let n = Shape.count(shape)
        return try out.recorded("MseLossBackward0", symbol: "MSE", inputs: [x, y], saving: [x, y]) { g in
            let norm = reduction == .mean ? 2.0 / Double(n) : 2.0
            // One pass when no graph of the backward is wanted (create_graph off).
            let gx = fused && !GradMode.isEnabled
                ? try MSEKernels.gradient(x, y, g, norm: norm)
                : try x.sub(y).mul(Tensor.wrapped(norm, dtype: .float64)).mul(g)
            return [x.requiresGrad ? try reduceGrad(gx, to: x) : nil,
                    y.requiresGrad ? try reduceGrad(gx.neg(), to: y) : nil]
        }
    }
}

/// mse_loss in one pass over contiguous same-shape float operands, rounding
/// where PyTorch's separate ops round: (x − y) then its square (x·x, as
/// pow(2) computes it), summed as `mean`/`sum` sum; the gradient as PyTorch's
/// mse_backward kernel, (norm · (x − y)) · g.
enum MSEKernels {
    static func fusible(_ x: Tensor, _ y: Tensor) -> Bool {
        x.dtype == y.dtype && (x.dtype == .float32 || x.dtype == .float64) && x.shape == y.shape
            && x.isContiguous && y.isContiguous && !x.isWrappedNumber && !y.isWrappedNumber
    }

    static func loss(_ x: Tensor, _ y: Tensor, _ reduction: Reduction) throws -> Tensor {
        try MemoryAccounting.check(elements: x.count, dtype: x.dtype)
        return x.dtype == .float32 ? loss(Float.self, x, y, reduction) : loss(Double.self, x, y, reduction)
    }

    private static func loss<T: KernelFloat & StorageElement>(_: T.Type, _ x: Tensor, _ y: Tensor, _ reduction: Reduction) -> Tensor {
        let n = x.count
        let xs = T.buffer(of: x.storage), ys = T.buffer(of: y.storage)
        if n == 1 {
            // One element (a scalar loss): no buffer to sum, and a literal allocates cheapest.
            let d = xs[x.offset] - ys[y.offset]
            return Tensor(storage: T.storage([d * d], dtype: x.dtype), shape: reduction == .none ? x.shape : [])
        }
        let squares = [T](unsafeUninitializedCapacity: n) { out, initialized in
            for i in 0..<n {
                let d = xs[x.offset + i] - ys[y.offset + i]
                out[i] = d * d
            }
            initialized = n
        }
        switch reduction {
        case .none: return Tensor(storage: T.storage(squares, dtype: x.dtype), shape: x.shape)
        case .mean: return Tensor(storage: T.storage([SumReductions.mean(squares)], dtype: x.dtype), shape: [])
        case .sum: return Tensor(storage: T.storage([SumReductions.sum(squares)], dtype: x.dtype), shape: [])
        }
    }

    /// The gradient for x; g is the loss's gradient (one element, or x's shape for reduction none).
    static func gradient(_ x: Tensor, _ y: Tensor, _ g: Tensor, norm: Double) throws -> Tensor {
        guard g.dtype == x.dtype, g.count == 1 || (g.shape == x.shape && g.isContiguous) else {
            return try x.sub(y).mul(Tensor.wrapped(norm, dtype: .float64)).mul(g)
        }
        return x.dtype == .float32 ? gradient(Float.self, x, y, g, norm: norm) : gradient(Double.self, x, y, g, norm: norm)
    }

    private static func gradient<T: KernelFloat & StorageElement>(_: T.Type, _ x: Tensor, _ y: Tensor, _ g: Tensor, norm: Double) -> Tensor {
        let n = x.count, alpha = T(norm)
        let xs = T.buffer(of: x.storage), ys = T.buffer(of: y.storage), gs = T.buffer(of: g.storage)
        if n == 1 {
            return Tensor(storage: T.storage([alpha * (xs[x.offset] - ys[y.offset]) * gs[g.offset]], dtype: x.dtype), shape: x.shape)
        }
        let values = [T](unsafeUninitializedCapacity: n) { out, initialized in
            if g.count == 1 {
                let gv = gs[g.offset]
                for i in 0..<n { out[i] = alpha * (xs[x.offset + i] - ys[y.offset + i]) * gv }
            } else {
                for i in 0..<n { out[i] = alpha * (xs[x.offset + i] - ys[y.offset + i]) * gs[g.offset + i] }
            }
            initialized = n
        }
        return Tensor(storage: T.storage(values, dtype: x.dtype), shape: x.shape)
    }
}
