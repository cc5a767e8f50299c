import Autograd

/// `torch.optim.Adagrad` (single-tensor path): state created at construction,
/// `clr = lr / (1 + (step − 1)·lr_decay)` in doubles, fused addcmul, unfused addcdiv.
public final class Adagrad: Optimizer {
    public init(_ groups: [ParamGroupSpec], lr: OptionValue = 0.01, lrDecay: OptionValue = 0, weightDecay: OptionValue = 0,
                initialAccumulatorValue: OptionValue = 0, eps: OptionValue = 1e-10, foreach: OptionValue = .none,
                maximize: Bool = false, differentiable: Bool = false, fused: OptionValue = .none) throws {
        try Optimizer.require(lr, "Invalid learning rate")
        try Optimizer.require(lrDecay, "Invalid lr_decay value")
        try Optimizer.require(weightDecay, "Invalid weight_decay value")
        try Optimizer.require(initialAccumulatorValue, "Invalid initial_accumulator_value value")
        try Optimizer.require(eps, "Invalid epsilon value")
        try super.init(typeName: "Adagrad", groups: groups, defaults: [
            ("lr", lr), ("lr_decay", lrDecay), ("eps", eps), ("weight_decay", weightDecay),
            ("initial_accumulator_value", initialAccumulatorValue), ("foreach", foreach),
            ("maximize", .bool(maximize)), ("differentiable", .bool(differentiable)), ("fused", fused),
        ])
        for group in paramGroups { try initialiseState(group) }
    }

    public convenience init(_ params: [Tensor], lr: OptionValue = 0.01, lrDecay: OptionValue = 0, weightDecay: OptionValue = 0,
                            initialAccumulatorValue: OptionValue = 0, eps: OptionValue = 1e-10, foreach: OptionValue = .none,
                            maximize: Bool = false, differentiable: Bool = false, fused: OptionValue = .none) throws {
        try self.init(params.isEmpty ? [] : [ParamGroupSpec(params: params)], lr: lr, lrDecay: lrDecay, weightDecay: weightDecay,
                      initialAccumulatorValue: initialAccumulatorValue, eps: eps, foreach: foreach, maximize: maximize,
                      differentiable: differentiable, fused: fused)
    }

    private func initialiseState(_ group: ParamGroup) throws {
        for p in group.params where state(for: p)["sum"] == nil {
            let st = state(for: p)
            st["step"] = Tensor.scalar(0)
            st["sum"] = try Tensor.full(p.shape, group.double("initial_accumulator_value"), dtype: p.dtype)
        }
    }

    public override func update(_ group: ParamGroup) throws {
        try initialiseState(group)
        let lr = group.double("lr"), lrDecay = group.double("lr_decay"), eps = group.double("eps")
        let wd = group.double("weight_decay"), maximize = group.bool("maximize")
        for p in group.params {
            guard let grad = p.grad else { continue }
            let st = state(for: p)
            guard let stepTensor = st["step"], let sum = st["sum"] else { continue }
            let step = Double(Float(try stepTensor.scalarDouble()) + 1)
            stepTensor.storage.setDouble(stepTensor.offset, step)
            let clr = lr / (1 + (step - 1) * lrDecay)
            try updateParameter(p) { target in
                if p.dtype == .float32 {
                    try Adagrad.apply(Float.self, target, grad, sum, clr: clr, eps: eps, wd: wd, maximize: maximize)
                } else {
                    try Adagrad.apply(Double.self, target, grad, sum, clr: clr, eps: eps, wd: wd, maximize: maximize)
                }
            }
        }
    }

    private static func apply<T: ParameterScalar>(_: T.Type, _ p: Tensor, _ grad: Tensor, _ sum: Tensor,
                                                  clr: Double, eps: Double, wd: Double, maximize: Bool) throws {
        let g = T.elements(of: grad)
        guard g.count == p.count else {
            throw TorchError.runtime("The size of tensor a (\(p.count)) must match the size of tensor b (\(g.count)) at non-singleton dimension 0")
        }
        let wdT = T(wd), epsT = T(eps), negClr = T(-clr)
        T.withContiguousBuffer(p) { param in
            T.withContiguousBuffer(sum) { s in
                for i in 0..<param.count {
                    var gi = maximize ? -g[i] : g[i]
                    if wd != 0 { gi = gi.addingProduct(param[i], wdT) }
                    s[i] = s[i].addingProduct(gi, gi)
                    let std = s[i].squareRoot() + epsT
                    param[i] = param[i] + (negClr * gi) / std
                }
            }
        }
    }
}
