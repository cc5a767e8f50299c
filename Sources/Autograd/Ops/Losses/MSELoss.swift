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
        let n = Shape.count(try Shape.broadcast(x.shape, y.shape))
        let norm = reduction == .mean ? 2.0 / Double(n) : 2.0
        // A table rule (see Arithmetic.swift): x and y come back from the node, norm as its attribute.
        return try out.recordedBinary("MseLossBackward0", symbol: "MSE", x, y, savingInputs: true, attribute: norm,
                                      tangent: { _, _ in throw Tensor.forwardADUnsupported("MseLossBackward0") }) { node, g in
            let x = node.savedTensor(0), y = node.savedTensor(1), norm = node.attribute
            // One pass when no graph of the backward is wanted (create_graph off).
            let gx = MSEKernels.fusible(x, y) && !GradMode.isEnabled
                ? try MSEKernels.gradient(x, y, g, norm: norm)
                : try Tensor.mseLossBackward(g, x, y, norm: norm)
            // ∂y is mse_loss_backward with x and y swapped (PyTorch's formula, and
            // its grad_fn under create_graph); −∂x otherwise, the same bits.
            let gy = node.needsGradient(1)
                ? (GradMode.isEnabled ? try Tensor.mseLossBackward(g, y, x, norm: norm) : try gx.neg()) : nil
            return InputGradients(node.needsGradient(0) ? try reduceGrad(gx, to: x) : nil,
                                  try reduceGrad(gy, to: y))
        }
    }
}

extension Tensor {
    // mse_loss_backward (its own op under create_graph, as in PyTorch):
    //   out = norm · (x − y) · g
    //   ∂g = norm · (x − y) · gg (summed to g's shape),  ∂x = norm · g · gg,  ∂y = −∂x
    static func mseLossBackward(_ g: Tensor, _ x: Tensor, _ y: Tensor, norm: Double) throws -> Tensor {
        let scale = Tensor.wrapped(norm, dtype: .float64)
        let out = try untracked { try x.sub(y).mul(scale).mul(g) }
        guard recordingNeeded(g, x) || y.requiresGrad else { return out }
        return try out.recorded("MseLossBackwardBackward0", symbol: "MSE′", inputs: [g, x, y], saving: [g, x, y]) { gg in
            let dx = try gg.mul(g).mul(scale)
            return [g.requiresGrad ? try x.sub(y).mul(scale).mul(gg).sumToShape(g.shape) : nil,
                    x.requiresGrad ? try dx.sumToShape(x.shape) : nil,
                    y.requiresGrad ? try dx.neg().sumToShape(y.shape) : nil]
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
        if n == 1 {
            // One element (a scalar loss): nothing to sum, no buffer.
            let d = x.element(x.offset, as: T.self) - y.element(y.offset, as: T.self)
            return Tensor(single: d * d, dtype: x.dtype, shape: reduction == .none ? x.shape : [])
        }
        let xs = T.buffer(of: x.storage), ys = T.buffer(of: y.storage)
        let squares = [T](unsafeUninitializedCapacity: n) { out, initialized in
            for i in 0..<n {
                let d = xs[x.offset + i] - ys[y.offset + i]
                out[i] = d * d
            }
            initialized = n
        }
        switch reduction {
        case .none: return Tensor(storage: T.storage(squares, dtype: x.dtype), shape: x.shape)
        case .mean: return Tensor(single: SumReductions.mean(squares), dtype: x.dtype, shape: [])
        case .sum: return Tensor(single: SumReductions.sum(squares), dtype: x.dtype, shape: [])
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
        if n == 1 {
            let d = x.element(x.offset, as: T.self) - y.element(y.offset, as: T.self)
            return Tensor(single: alpha * d * g.element(g.offset, as: T.self), dtype: x.dtype, shape: x.shape)
        }
        let xs = T.buffer(of: x.storage), ys = T.buffer(of: y.storage)
        let values = [T](unsafeUninitializedCapacity: n) { out, initialized in
            if g.count == 1 {
                let gv = g.element(g.offset, as: T.self)
                for i in 0..<n { out[i] = alpha * (xs[x.offset + i] - ys[y.offset + i]) * gv }
            } else {
                let gs = T.buffer(of: g.storage)
                for i in 0..<n { out[i] = alpha * (xs[x.offset + i] - ys[y.offset + i]) * gs[g.offset + i] }
            }
            initialized = n
        }
        return Tensor(storage: T.storage(values, dtype: x.dtype), shape: x.shape)
    }
}
