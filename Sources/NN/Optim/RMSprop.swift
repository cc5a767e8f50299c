import Autograd

/// `torch.optim.RMSprop` (single-tensor path): square average by `mul_` then
/// fused `addcmul_`, optional centred lerp and momentum buffer, unfused addcdiv.
public final class RMSprop: Optimizer {
    public init(_ groups: [ParamGroupSpec], lr: OptionValue = 0.01, alpha: OptionValue = 0.99, eps: OptionValue = 1e-8,
                weightDecay: OptionValue = 0, momentum: OptionValue = 0, centered: Bool = false, capturable: Bool = false,
                foreach: OptionValue = .none, maximize: Bool = false, differentiable: Bool = false) throws {
        try Optimizer.require(lr, "Invalid learning rate")
        try Optimizer.require(eps, "Invalid epsilon value")
        try Optimizer.require(momentum, "Invalid momentum value")
        try Optimizer.require(weightDecay, "Invalid weight_decay value")
        try Optimizer.require(alpha, "Invalid alpha value")
        try super.init(typeName: "RMSprop", groups: groups, defaults: [
            ("lr", lr), ("momentum", momentum), ("alpha", alpha), ("eps", eps), ("centered", .bool(centered)),
            ("weight_decay", weightDecay), ("capturable", .bool(capturable)), ("foreach", foreach),
            ("maximize", .bool(maximize)), ("differentiable", .bool(differentiable)),
        ])
    }

    public convenience init(_ params: [Tensor], lr: OptionValue = 0.01, alpha: OptionValue = 0.99, eps: OptionValue = 1e-8,
                            weightDecay: OptionValue = 0, momentum: OptionValue = 0, centered: Bool = false, capturable: Bool = false,
                            foreach: OptionValue = .none, maximize: Bool = false, differentiable: Bool = false) throws {
        try self.init(params.isEmpty ? [] : [ParamGroupSpec(params: params)], lr: lr, alpha: alpha, eps: eps,
                      weightDecay: weightDecay, momentum: momentum, centered: centered, capturable: capturable,
                      foreach: foreach, maximize: maximize, differentiable: differentiable)
    }

    struct Hyper {
        let lr, alpha, eps, weightDecay, momentum: Double
        let centered, maximize: Bool
    }

    public override func update(_ group: ParamGroup) throws {
        let hyper = Hyper(lr: group.double("lr"), alpha: group.double("alpha"), eps: group.double("eps"),
                          weightDecay: group.double("weight_decay"), momentum: group.double("momentum"),
                          centered: group.bool("centered"), maximize: group.bool("maximize"))
        for p in group.params {
            guard let grad = p.grad else { continue }
            let st = state(for: p)
            if st.entries.isEmpty {
                st["step"] = Tensor.scalar(0)
                st["square_avg"] = try zerosState(like: p)
                if hyper.momentum > 0 { st["momentum_buffer"] = try zerosState(like: p) }
                if hyper.centered { st["grad_avg"] = try zerosState(like: p) }
            }
            guard let stepTensor = st["step"], let squareAvg = st["square_avg"] else { continue }
            stepTensor.storage.setDouble(stepTensor.offset, Double(Float(try stepTensor.scalarDouble()) + 1))
            let buffer = hyper.momentum > 0 ? st["momentum_buffer"] : nil
            let gradAvg = hyper.centered ? st["grad_avg"] : nil
            try updateParameter(p) { target in
                if p.dtype == .float32 {
                    try RMSprop.apply(Float.self, target, grad, squareAvg, gradAvg, buffer, hyper)
                } else {
                    try RMSprop.apply(Double.self, target, grad, squareAvg, gradAvg, buffer, hyper)
                }
            }
        }
    }

    private static func apply<T: ParameterScalar>(_: T.Type, _ p: Tensor, _ grad: Tensor, _ squareAvg: Tensor, _ gradAvg: Tensor?,
                                                  _ buffer: Tensor?, _ h: Hyper) throws {
        let g = T.elements(of: grad)
        guard g.count == p.count else {
            throw TorchError.runtime("The size of tensor a (\(p.count)) must match the size of tensor b (\(g.count)) at non-singleton dimension 0")
        }
        let wd = T(h.weightDecay), alpha = T(h.alpha), keep = T(1 - h.alpha), eps = T(h.eps)
        let momentum = T(h.momentum), negLr = T(-h.lr)
        T.withContiguousBuffer(p) { param in
            T.withContiguousBuffer(squareAvg) { sq in
                withOptionalBuffer(gradAvg) { (ga: UnsafeMutableBufferPointer<T>) in
                    withOptionalBuffer(buffer) { (buf: UnsafeMutableBufferPointer<T>) in
                        for i in 0..<param.count {
                            var gi = h.maximize ? -g[i] : g[i]
                            if h.weightDecay != 0 { gi = gi.addingProduct(param[i], wd) }
                            sq[i] = (sq[i] * alpha).addingProduct(keep * gi, gi)
                            var avg: T
                            if gradAvg != nil {
                                ga[i] = lerp(ga[i], gi, weight: keep)
                                avg = sq[i].addingProduct(-ga[i], ga[i]).squareRoot()
                            } else {
                                avg = sq[i].squareRoot()
                            }
                            avg = avg + eps
                            if buffer != nil {
                                buf[i] = buf[i] * momentum + gi / avg
                                param[i] = param[i].addingProduct(buf[i], negLr)
                            } else {
                                param[i] = param[i] + (negLr * gi) / avg
                            }
                        }
                    }
                }
            }
        }
    }
}
