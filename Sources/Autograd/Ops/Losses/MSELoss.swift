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
        let out: Tensor = try untracked {
            let sq = try x.sub(y).pow(2)
            switch reduction {
            case .none: return sq
            case .mean: return try sq.mean()
            case .sum: return try sq.sum()
            }
        }
        let shape = try Shape.broadcast(x.shape, y.shape)
        let n = Shape.count(shape)
        return try out.recorded("MseLossBackward0", symbol: "MSE", inputs: [x, y], saving: [x, y]) { g in
            let norm = reduction == .mean ? 2.0 / Double(n) : 2.0
            let gx = try x.sub(y).mul(Tensor.wrapped(norm, dtype: .float64)).mul(g)
            return [x.requiresGrad ? try reduceGrad(gx, to: x) : nil,
                    y.requiresGrad ? try reduceGrad(gx.neg(), to: y) : nil]
        }
    }
}
