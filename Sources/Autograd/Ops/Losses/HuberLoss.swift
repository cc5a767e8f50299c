// Huber and smooth-L1 losses as fused primitives (HuberLossBackward0,
// SmoothL1LossBackward0), with PyTorch's pointwise kernels in the input's
// dtype; d = x − y, z = |d|:
//   huber:      ℓ = z < δ ? ½z² : δ(z − ½δ)          ∂x = n·g·clamp(d, −δ, δ)
//   smooth_l1:  ℓ = z < β ? ½z²/β : z − ½β           ∂x = n·g·clamp(d/β, −1, 1)
// n = 1/N for mean, else 1;  ∂y = −∂x.  The caller broadcasts x and y first.
// The backward is an op of its own (HuberLossBackwardBackward0, …), with
// PyTorch's double-backward formulas in g and x (the target is held fixed):
//   huber:      ∂x = gg·g·n·(z < δ)        smooth_l1:  ∂x = gg·g·n·(z < β)/β
//   ∂g = Σ gg·∂x/∂g-values (unreduced: no Σ)

/// One pointwise loss: its value from z = |d| and its derivative, written
/// generically so float32 rounds after every operation as PyTorch's does.
protocol PointwiseLossRule {
    static var name: String { get }
    static var backwardName: String { get }
    static var kernelName: String { get }
    static func loss<T: BinaryFloatingPoint>(_ z: T, _ p: T) -> T
    static func gradient<T: BinaryFloatingPoint>(_ d: T, _ g: T, _ n: T, _ p: T) -> T
}

enum HuberRule: PointwiseLossRule {
    static let name = "HuberLossBackward0"
    static let backwardName = "HuberLossBackwardBackward0"
    static let kernelName = "huber_cpu"
    static func loss<T: BinaryFloatingPoint>(_ z: T, _ p: T) -> T { z < p ? T(0.5) * z * z : p * (z - T(0.5) * p) }
    static func gradient<T: BinaryFloatingPoint>(_ d: T, _ g: T, _ n: T, _ p: T) -> T {
        d <= -p ? -n * g * p : (d >= p ? n * g * p : n * d * g)
    }
}

enum SmoothL1Rule: PointwiseLossRule {
    static let name = "SmoothL1LossBackward0"
    static let backwardName = "SmoothL1LossBackwardBackward0"
    static let kernelName = "smooth_l1_cpu"
    static func loss<T: BinaryFloatingPoint>(_ z: T, _ p: T) -> T { z < p ? T(0.5) * z * z / p : z - T(0.5) * p }
    static func gradient<T: BinaryFloatingPoint>(_ d: T, _ g: T, _ n: T, _ p: T) -> T {
        d <= -p ? -n * g : (d >= p ? n * g : n * d * g / p)
    }
}

extension Tensor {
    /// `F.huber_loss(input, target, reduction, delta)`.
    public func huberLoss(_ target: Tensor, reduction: Reduction = .mean, delta: Double = 1) throws -> Tensor {
        guard delta > 0 else { throw TorchError.runtime("huber_loss does not support non-positive values for delta.") }
        return try pointwiseLoss(HuberRule.self, target, reduction: reduction, parameter: delta)
    }

    /// `F.smooth_l1_loss(input, target, reduction, beta)` for beta > 0 (beta 0 is l1_loss).
    public func smoothL1Loss(_ target: Tensor, reduction: Reduction = .mean, beta: Double = 1) throws -> Tensor {
        guard beta >= 0 else { throw TorchError.runtime("smooth_l1_loss does not support negative values for beta.") }
        return try pointwiseLoss(SmoothL1Rule.self, target, reduction: reduction, parameter: beta)
    }

    private func pointwiseLoss<R: PointwiseLossRule>(_ rule: R.Type, _ target: Tensor, reduction: Reduction,
                                                     parameter: Double) throws -> Tensor {
        let x = self, y = target
        guard x.dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"\(R.kernelName)\" not implemented for '\(x.dtype.scalarTypeName)'")
        }
        guard x.shape == y.shape else {
            throw TorchError.runtime("The size of tensor a (\(x.count)) must match the size of tensor b (\(y.count)) at non-singleton dimension 0")
        }
        let yc = y.converted(x.dtype)
        let raw: Tensor
        switch x.dtype {
        case .float32: raw = Tensor(storage: Storage(PointwiseLossKernel<R, Float>.loss(x.floats(), yc.floats(), Float(parameter))), shape: x.shape)
        default: raw = Tensor(storage: Storage(PointwiseLossKernel<R, Double>.loss(x.doubles(), yc.doubles(), parameter)), shape: x.shape)
        }
        let out = try untracked { try Tensor.reduceLoss(raw, reduction) }
        let localGradient = { (g: Tensor) throws -> Tensor in
            try Tensor.pointwiseLossBackward(rule, g, x, yc, reduction: reduction, parameter: parameter)
        }
        return try out.recorded(R.name, symbol: "loss", inputs: [x, y], saving: [x, y],
                                tangent: { ts in
                                    let dx = try ts[0] ?? Tensor.zerosLike(x)
                                    let dy = try ts[1] ?? Tensor.zerosLike(y)
                                    return try Tensor.lossTangent(localGradient, dx.sub(dy), reduction)
                                }) { g in
            let gx = try localGradient(g)
            return [x.requiresGrad ? gx : nil, y.requiresGrad ? try gx.neg() : nil]
        }
    }
}

extension Tensor {
    /// The loss's backward ∂x for incoming g: the kernel's values, recorded as an op
    /// of its own when g or x need gradients (see the derivative table above).
    fileprivate static func pointwiseLossBackward<R: PointwiseLossRule>(_ rule: R.Type, _ g: Tensor, _ x: Tensor, _ y: Tensor,
                                                                       reduction: Reduction, parameter: Double) throws -> Tensor {
        let norm = reduction == .mean ? 1.0 / Double(x.count) : 1
        let out: Tensor = try untracked {
            let expanded = try g.expand(x.shape)
            switch x.dtype {
            case .float32:
                return Tensor(storage: Storage(PointwiseLossKernel<R, Float>.gradient(x.floats(), y.floats(), expanded.converted(.float32).floats(),
                                                                                       Float(norm), Float(parameter))), shape: x.shape)
            default:
                return Tensor(storage: Storage(PointwiseLossKernel<R, Double>.gradient(x.doubles(), y.doubles(), expanded.doubles(),
                                                                                        norm, parameter)), shape: x.shape)
            }
        }
        guard recordingNeeded(g, x) else { return out }
        // ∂x/∂x of the backward: n·(|d| < p), divided by β for smooth L1.
        let curvature = { () throws -> Tensor in
            var inside = try x.sub(y).abs().lt(Tensor.wrapped(parameter, dtype: .float64)).to(x.dtype)
            if R.self == SmoothL1Rule.self { inside = try inside.div(Tensor.wrapped(parameter, dtype: .float64)) }
            return reduction == .mean ? try inside.div(Tensor.wrapped(Double(x.count), dtype: .int64)) : inside
        }
        let gradOutputRule = { (gg: Tensor) throws -> Tensor in
            let ones = try Tensor.ones(reduction == .none ? x.shape : [], dtype: x.dtype)
            let local = try pointwiseLossBackward(rule, ones, x, y, reduction: reduction, parameter: parameter).mul(gg)
            return reduction == .none ? local : try local.sum()
        }
        let inputRule = { (gg: Tensor) throws -> Tensor in try gg.mul(g).mul(curvature()) }
        return try out.recorded(R.backwardName, symbol: "loss′", inputs: [g, x], saving: [g, x, y],
                                tangent: { t in
                                    let dg = try t[0].map { try pointwiseLossBackward(rule, $0, x, y, reduction: reduction, parameter: parameter) }
                                    return try Tangent.sum(dg, t[1].map { try inputRule($0) })
                                }) { gg in
            [try gradOutputRule(gg), try inputRule(gg)]
        }
    }
}

/// The elementwise loops of a pointwise loss in one float type.
enum PointwiseLossKernel<R: PointwiseLossRule, T: BinaryFloatingPoint> {
    static func loss(_ x: [T], _ y: [T], _ p: T) -> [T] {
        var out = [T](repeating: 0, count: x.count)
        for i in 0..<x.count { out[i] = R.loss(Swift.abs(x[i] - y[i]), p) }
        return out
    }

    static func gradient(_ x: [T], _ y: [T], _ g: [T], _ n: T, _ p: T) -> [T] {
        var out = [T](repeating: 0, count: x.count)
        for i in 0..<x.count { out[i] = R.gradient(x[i] - y[i], g[i], n, p) }
        return out
    }
}
