import Autograd

/// `torch.optim.SGD` (single-tensor path, torch-fidelity §6.3), bit-exact:
/// weight decay, momentum and the update are the fused multiply-adds of
/// PyTorch's `add_(…, alpha=)`.
public final class SGD: Optimizer {
    public init(_ groups: [ParamGroupSpec], lr: OptionValue = 0.001, momentum: OptionValue = 0, dampening: OptionValue = 0,
                weightDecay: OptionValue = 0, nesterov: Bool = false, maximize: Bool = false,
                foreach: OptionValue = .none, differentiable: Bool = false, fused: OptionValue = .none) throws {
        try Optimizer.require(lr, "Invalid learning rate")
        try Optimizer.require(momentum, "Invalid momentum value")
        try Optimizer.require(weightDecay, "Invalid weight_decay value")
        if nesterov && ((momentum.doubleValue ?? 0) <= 0 || (dampening.doubleValue ?? 0) != 0) {
            throw TorchError.value("Nesterov momentum requires a momentum and zero dampening")
        }
        try super.init(typeName: "SGD", groups: groups, defaults: [
            ("lr", lr), ("momentum", momentum), ("dampening", dampening), ("weight_decay", weightDecay),
            ("nesterov", .bool(nesterov)), ("maximize", .bool(maximize)), ("foreach", foreach),
            ("differentiable", .bool(differentiable)), ("fused", fused),
        ])
    }

    public convenience init(_ params: [Tensor], lr: OptionValue = 0.001, momentum: OptionValue = 0, dampening: OptionValue = 0,
                            weightDecay: OptionValue = 0, nesterov: Bool = false, maximize: Bool = false,
                            foreach: OptionValue = .none, differentiable: Bool = false, fused: OptionValue = .none) throws {
        try self.init(params.isEmpty ? [] : [ParamGroupSpec(params: params)], lr: lr, momentum: momentum, dampening: dampening,
                      weightDecay: weightDecay, nesterov: nesterov, maximize: maximize, foreach: foreach,
                      differentiable: differentiable, fused: fused)
    }

    /// Each group's options as last read, with the group's revision then.
    private var hyperOf: [ObjectIdentifier: (revision: Int, hyper: Hyper)] = [:]
    /// The last group's entry, checked first (one group is the common case).
    /// Revisions are unique across groups, so a match is this group's.
    private var lastHyper: (revision: Int, hyper: Hyper)?

    public override func update(_ group: ParamGroup) throws {
        let hyper: Hyper
        if let last = lastHyper, last.revision == group.revision {
            hyper = last.hyper
        } else if let cached = hyperOf[ObjectIdentifier(group)], cached.revision == group.revision {
            hyper = cached.hyper
            lastHyper = cached
        } else {
            hyper = Hyper(lr: group.double("lr"), momentum: group.double("momentum"), dampening: group.double("dampening"),
                          weightDecay: group.double("weight_decay"), nesterov: group.bool("nesterov"), maximize: group.bool("maximize"))
            hyperOf[ObjectIdentifier(group)] = (group.revision, hyper)
            lastHyper = (group.revision, hyper)
        }
        let plain = hyper.momentum == 0 && hyper.weightDecay == 0
        for p in group.params {
            guard let grad = p.grad else { continue }
            // No momentum or weight decay: p += −lr·g as one fused kernel call.
            if plain && p.addScaledInPlaceUntracked(grad, alpha: hyper.maximize ? hyper.lr : -hyper.lr) { continue }
            var buffer: Tensor? = nil
            var first = false
            if hyper.momentum != 0 {
                // Only momentum creates state, as in PyTorch (`optimizer.state` stays empty otherwise).
                let st = state(for: p)
                if let b = st["momentum_buffer"] { buffer = b } else {
                    buffer = try zerosState(like: p)
                    st["momentum_buffer"] = buffer
                    first = true
                }
            }
            try updateParameter(p) { target in
                if p.dtype == .float32 {
                    try SGD.apply(Float.self, target, grad, buffer, first: first, hyper)
                } else {
                    try SGD.apply(Double.self, target, grad, buffer, first: first, hyper)
                }
            }
        }
    }

    struct Hyper {
        let lr, momentum, dampening, weightDecay: Double
        let nesterov, maximize: Bool
    }

    private static func apply<T: ParameterScalar>(_: T.Type, _ p: Tensor, _ grad: Tensor, _ buffer: Tensor?, first: Bool, _ h: Hyper) throws {
        guard grad.count == p.count else {
            throw TorchError.runtime("The size of tensor a (\(p.count)) must match the size of tensor b (\(grad.count)) at non-singleton dimension 0")
        }
        let wd = T(h.weightDecay), momentum = T(h.momentum), keep = T(1 - h.dampening), step = T(-h.lr)
        T.withElements(of: grad) { g in
            T.withContiguousBuffer(p) { param in
                @inline(__always) func update(_ i: Int, _ gi: T) -> T {
                    var d = h.maximize ? -gi : gi
                    if h.weightDecay != 0 { d = d.addingProduct(param[i], wd) }
                    return d
                }
                if let buffer {
                    T.withContiguousBuffer(buffer) { buf in
                        for i in 0..<param.count {
                            let d = update(i, g[i])
                            buf[i] = first ? d : (buf[i] * momentum).addingProduct(d, keep)
                            let direction = h.nesterov ? d.addingProduct(buf[i], momentum) : buf[i]
                            param[i] = param[i].addingProduct(direction, step)
                        }
                    }
                } else if T.self == Float.self, h.weightDecay == 0, let base = param.baseAddress, let gBase = g.baseAddress {
                    // Plain float32 SGD, the common case: the same fused products, eight lanes at a time.
                    let scale = Float(h.maximize ? -step : step)
                    UnsafeRawPointer(gBase).withMemoryRebound(to: Float.self, capacity: param.count) { grads in
                        UnsafeMutableRawPointer(base).withMemoryRebound(to: Float.self, capacity: param.count) { values in
                            FusedMultiplyAdd.addScaled(grads, scale: scale, into: values, count: param.count)
                        }
                    }
                } else {
                    for i in 0..<param.count {
                        param[i] = param[i].addingProduct(update(i, g[i]), step)
                    }
                }
            }
        }
    }
}
