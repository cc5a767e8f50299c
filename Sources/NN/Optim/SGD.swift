import Autograd

/// `torch.optim.SGD` (single-tensor path, torch-fidelity §6.3), bit-exact:
/// weight decay and the update are fused multiply-adds like PyTorch's `add_(…, alpha=)`.
public final class SGD: Optimizer {
    private var momentumBuffers: [ObjectIdentifier: Tensor] = [:]

    public init(groups: [ParamGroup]) throws {
        for g in groups {
            let lr = g.double("lr")
            if lr < 0 { throw TorchError.value("Invalid learning rate: \(SGD.shortRepr(lr))") }
            if g.double("momentum") < 0 { throw TorchError.value("Invalid momentum value: \(SGD.shortRepr(g.double("momentum")))") }
            if g.double("weight_decay") < 0 { throw TorchError.value("Invalid weight_decay value: \(SGD.shortRepr(g.double("weight_decay")))") }
            if g.bool("nesterov") && (g.double("momentum") <= 0 || g.double("dampening") != 0) {
                throw TorchError.value("Nesterov momentum requires a momentum and zero dampening")
            }
        }
        try super.init(typeName: "SGD", groups: groups)
    }

    /// The defaults of PyTorch 2.x, overridden by the given options.
    public static func defaults(_ overrides: [String: OptionValue]) -> [String: OptionValue] {
        var o: [String: OptionValue] = [
            "lr": .float(0.001), "momentum": .int(0), "dampening": .int(0), "weight_decay": .int(0),
            "nesterov": .bool(false), "maximize": .bool(false), "foreach": .none, "differentiable": .bool(false), "fused": .none,
        ]
        for (k, v) in overrides { o[k] = v }
        return o
    }

    public override func step() throws {
        try GradMode.with(enabled: false) {
            for group in paramGroups {
                let lr = group.double("lr"), momentum = group.double("momentum")
                let dampening = group.double("dampening"), wd = group.double("weight_decay")
                let nesterov = group.bool("nesterov"), maximize = group.bool("maximize")
                for p in group.params {
                    guard var g = p.grad else { continue }
                    if maximize { g = try g.neg() }
                    if wd != 0 { g = try g.add(p.detach(), alpha: wd) }
                    if momentum != 0 {
                        let key = ObjectIdentifier(p)
                        if let buf = momentumBuffers[key] {
                            try buf.mulInPlace(Tensor.wrapped(momentum, dtype: .float64))
                            try buf.addInPlace(g, alpha: 1 - dampening)
                        } else {
                            momentumBuffers[key] = try g.detach().contiguousCopy()
                        }
                        let buf = momentumBuffers[key]!
                        g = nesterov ? try g.add(buf, alpha: momentum) : buf
                    }
                    try p.detach().addInPlace(g, alpha: -lr)
                }
            }
        }
    }

    static func shortRepr(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
