import Autograd

/// `torch.optim.Adam` and `AdamW` (single-tensor path, torch-fidelity §6.4):
/// lerp for the first moment, fused addcmul for the second, bias corrections
/// in Python doubles, and the unfused addcdiv update.
///
/// The one known difference: PyTorch's float32 `sqrt` (MKL VML) is 1 ulp off
/// IEEE in about 0.7% of inputs; this uses the correctly rounded sqrt.
public class Adam: Optimizer {
    public init(_ groups: [ParamGroupSpec], lr: OptionValue = 0.001, betas: (OptionValue, OptionValue) = (0.9, 0.999),
                eps: OptionValue = 1e-8, weightDecay: OptionValue = 0, amsgrad: Bool = false, foreach: OptionValue = .none,
                maximize: Bool = false, capturable: Bool = false, differentiable: Bool = false, fused: OptionValue = .none,
                decoupledWeightDecay: Bool = false, typeName: String = "Adam") throws {
        try Optimizer.require(lr, "Invalid learning rate")
        try Optimizer.require(eps, "Invalid epsilon value")
        for (i, beta) in [betas.0, betas.1].enumerated() {
            if let b = beta.doubleValue, !(b >= 0 && b < 1) {
                throw TorchError.value("Invalid beta parameter at index \(i): \(beta.pythonStr)")
            }
        }
        try Optimizer.require(weightDecay, "Invalid weight_decay value")
        guard case .float = betas.0, case .float = betas.1 else {
            throw TorchError.value("betas must be either both floats or both Tensors")
        }
        try super.init(typeName: typeName, groups: groups, defaults: [
            ("lr", lr), ("betas", .tuple([betas.0, betas.1])), ("eps", eps), ("weight_decay", weightDecay),
            ("amsgrad", .bool(amsgrad)), ("maximize", .bool(maximize)), ("foreach", foreach),
            ("capturable", .bool(capturable)), ("differentiable", .bool(differentiable)), ("fused", fused),
            ("decoupled_weight_decay", .bool(decoupledWeightDecay)),
        ])
    }

    public convenience init(_ params: [Tensor], lr: OptionValue = 0.001, betas: (OptionValue, OptionValue) = (0.9, 0.999),
                            eps: OptionValue = 1e-8, weightDecay: OptionValue = 0, amsgrad: Bool = false, foreach: OptionValue = .none,
                            maximize: Bool = false, capturable: Bool = false, differentiable: Bool = false, fused: OptionValue = .none,
                            decoupledWeightDecay: Bool = false) throws {
        try self.init(params.isEmpty ? [] : [ParamGroupSpec(params: params)], lr: lr, betas: betas, eps: eps,
                      weightDecay: weightDecay, amsgrad: amsgrad, foreach: foreach, maximize: maximize, capturable: capturable,
                      differentiable: differentiable, fused: fused, decoupledWeightDecay: decoupledWeightDecay)
    }

    struct Hyper {
        let lr, beta1, beta2, eps, weightDecay: Double
        let amsgrad, maximize, decoupled: Bool
    }

    public override func update(_ group: ParamGroup) throws {
        let (beta1, beta2) = group.pair("betas")
        let hyper = Hyper(lr: group.double("lr"), beta1: beta1, beta2: beta2, eps: group.double("eps"),
                          weightDecay: group.double("weight_decay"), amsgrad: group.bool("amsgrad"),
                          maximize: group.bool("maximize"), decoupled: group.bool("decoupled_weight_decay"))
        for p in group.params {
            guard let grad = p.grad else { continue }
            let st = state(for: p)
            if st["step"] == nil {
                st["step"] = Tensor.scalar(0)
                st["exp_avg"] = try zerosState(like: p)
                st["exp_avg_sq"] = try zerosState(like: p)
                if hyper.amsgrad { st["max_exp_avg_sq"] = try zerosState(like: p) }
            }
            guard let stepTensor = st["step"], let m = st["exp_avg"], let v = st["exp_avg_sq"] else { continue }
            if hyper.amsgrad && st["max_exp_avg_sq"] == nil { st["max_exp_avg_sq"] = try zerosState(like: p) }
            // The step counter is a float32 tensor; t is its value as a Python float.
            let t = Double(Float(try stepTensor.scalarDouble()) + 1)
            stepTensor.storage.setDouble(stepTensor.offset, t)
            try updateParameter(p) { target in
                if p.dtype == .float32 {
                    try Adam.apply(Float.self, target, grad, m, v, st["max_exp_avg_sq"], step: t, hyper)
                } else {
                    try Adam.apply(Double.self, target, grad, m, v, st["max_exp_avg_sq"], step: t, hyper)
                }
            }
        }
    }

    private static func apply<T: ParameterScalar>(_: T.Type, _ p: Tensor, _ grad: Tensor, _ m: Tensor, _ v: Tensor, _ maxV: Tensor?,
                                                  step t: Double, _ h: Hyper) throws {
        let g = T.elements(of: grad)
        guard g.count == p.count else {
            throw TorchError.runtime("The size of tensor a (\(p.count)) must match the size of tensor b (\(g.count)) at non-singleton dimension 0")
        }
        let bias1 = 1 - PythonMath.pow(h.beta1, t)
        let bias2 = 1 - PythonMath.pow(h.beta2, t)
        let stepSize = T(-(h.lr / bias1))
        let bias2Sqrt = T(PythonMath.pow(bias2, 0.5))
        let decay = T(1 - h.lr * h.weightDecay), wd = T(h.weightDecay)
        let w1 = T(1 - h.beta1), beta2 = T(h.beta2), w2 = T(1 - h.beta2), eps = T(h.eps)
        T.withContiguousBuffer(p) { param in
            T.withContiguousBuffer(m) { m in
                T.withContiguousBuffer(v) { v in
                    for i in 0..<param.count {
                        var gi = h.maximize ? -g[i] : g[i]
                        if h.weightDecay != 0 {
                            if h.decoupled { param[i] = param[i] * decay } else { gi = gi.addingProduct(param[i], wd) }
                        }
                        m[i] = lerp(m[i], gi, weight: w1)
                        v[i] = (v[i] * beta2).addingProduct(w2 * gi, gi)
                    }
                }
            }
            if let maxV {
                T.withContiguousBuffer(maxV) { mv in
                    T.withContiguousBuffer(v) { v in
                        for i in 0..<mv.count { mv[i] = Swift.max(mv[i], v[i]) }
                    }
                }
            }
            T.withContiguousBuffer(maxV ?? v) { second in
                T.withContiguousBuffer(m) { m in
                    for i in 0..<param.count {
                        let denom = second[i].squareRoot() / bias2Sqrt + eps
                        param[i] = param[i] + (stepSize * m[i]) / denom
                    }
                }
            }
        }
    }
}

/// `torch.optim.AdamW`: Adam with decoupled weight decay (default 0.01).
public final class AdamW: Adam {
    public init(_ groups: [ParamGroupSpec], lr: OptionValue = 0.001, betas: (OptionValue, OptionValue) = (0.9, 0.999),
                eps: OptionValue = 1e-8, weightDecay: OptionValue = 0.01, amsgrad: Bool = false, maximize: Bool = false,
                foreach: OptionValue = .none, capturable: Bool = false, differentiable: Bool = false, fused: OptionValue = .none) throws {
        try super.init(groups, lr: lr, betas: betas, eps: eps, weightDecay: weightDecay, amsgrad: amsgrad, foreach: foreach,
                       maximize: maximize, capturable: capturable, differentiable: differentiable, fused: fused,
                       decoupledWeightDecay: true, typeName: "AdamW")
    }

    public convenience init(_ params: [Tensor], lr: OptionValue = 0.001, betas: (OptionValue, OptionValue) = (0.9, 0.999),
                            eps: OptionValue = 1e-8, weightDecay: OptionValue = 0.01, amsgrad: Bool = false, maximize: Bool = false,
                            foreach: OptionValue = .none, capturable: Bool = false, differentiable: Bool = false, fused: OptionValue = .none) throws {
        try self.init(params.isEmpty ? [] : [ParamGroupSpec(params: params)], lr: lr, betas: betas, eps: eps, weightDecay: weightDecay,
                      amsgrad: amsgrad, maximize: maximize, foreach: foreach, capturable: capturable,
                      differentiable: differentiable, fused: fused)
    }
}
