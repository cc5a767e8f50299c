import Foundation

// The backward of an activation as an op of its own, as PyTorch's
// `sigmoid_backward(g, r)`, `softplus_backward(g, x)`, … are: one node named
// after it (SigmoidBackwardBackward0, …) with the incoming gradient g and the
// saved tensor s (input or output) as inputs. A create_graph backward then
// shows PyTorch's grad_fn, and the op is differentiable in s even where its
// derivative is zero (leaky_relu, hardtanh), so the gradient requires grad
// as it does in PyTorch.
//
//   value(g, s)               the kernel, linear in g
//   ∂g = value(gg, s)         (the same op again)
//   ∂s = savedRule(gg, g, s)  PyTorch's double-backward formula

/// One activation's backward: its name and its two rules.
struct ActivationBackward {
    let name: String
    let symbol: String
    let value: (_ g: Tensor, _ saved: Tensor) throws -> Tensor
    let savedRule: (_ gg: Tensor, _ g: Tensor, _ saved: Tensor) throws -> Tensor

    func callAsFunction(_ g: Tensor, _ saved: Tensor) throws -> Tensor {
        let out = try untracked { try value(g, saved) }
        guard Tensor.recordingNeeded(g, saved) else { return out }
        return try out.recorded(name, symbol: symbol, inputs: [g, saved], saving: [g, saved],
                                tangent: { t in
                                    let dg = try t[0].map { try self($0, saved) }
                                    let ds = try t[1].map { try savedRule($0, g, saved) }
                                    switch (dg, ds) {
                                    case let (x?, y?): return try x.add(y)
                                    default: return dg ?? ds
                                    }
                                }) { gg in
            [try self(gg, saved), try savedRule(gg, g, saved)]
        }
    }

    private static func number(_ v: Double) -> Tensor { Tensor.wrapped(v, dtype: .float64) }
    private static let one = Tensor.wrapped(1, dtype: .int64)

    /// sigmoid_backward(g, r) = (g · (1 − r)) · r;  ∂r = gg · g · (1 − 2r).
    static let sigmoid = ActivationBackward(name: "SigmoidBackwardBackward0", symbol: "σ′",
        value: { g, r in try g.mul(r.rsub(one)).mul(r) },
        savedRule: { gg, g, r in try gg.mul(g).mul(r.mul(number(-2)).add(one)) })

    /// log_sigmoid_backward(g, x) = g · σ(−x);  ∂x = (gg · g) · (σ(x) − 1) · σ(x).
    static let logSigmoid = ActivationBackward(name: "LogSigmoidBackwardBackward0", symbol: "logσ′",
        value: { g, x in try g.mul(x.neg().sigmoid()) },
        savedRule: { gg, g, x in
            let z = try x.sigmoid()
            return try gg.mul(g).mul(z.sub(one)).mul(z)
        })

    /// softplus_backward(g, x) = g where βx > threshold, else g · σ(βx);
    /// ∂x = sigmoid_backward(gg · g, σ(βx)) · (βx < threshold) · β.
    static func softplus(beta: Double, threshold: Double) -> ActivationBackward {
        ActivationBackward(name: "SoftplusBackwardBackward0", symbol: "softplus′",
            value: { g, x in
                let bx = try x.mul(number(beta))
                return try g.mul(Tensor.where(bx.gt(number(threshold)), one, bx.sigmoid()))
            },
            savedRule: { gg, g, x in
                let bx = try x.mul(number(beta))
                let below = try bx.lt(number(threshold)).to(gg.dtype)
                return try sigmoid(gg.mul(g), bx.sigmoid()).mul(below).mul(number(beta))
            })
    }

    /// elu_backward(g, x) with PyTorch's coefficients (elu: scale = input scale = 1;
    /// selu: fixed α and scale; celu: input scale 1/α):
    ///   g · scale where x > 0, else g · (input scale · α · scale) · e^(input scale · x);
    ///   ∂x = gg · g · input scale² · α · scale · e^(input scale · x) where x ≤ 0, else 0.
    static func elu(alpha: Double, scale: Double = 1, inputScale: Double = 1) -> ActivationBackward {
        let curveCoefficient = inputScale * alpha * scale
        return ActivationBackward(name: "EluBackwardBackward0", symbol: "ELU′",
            value: { g, x in
                let curve = try x.mul(number(inputScale)).exp().mul(number(curveCoefficient))
                return try g.mul(Tensor.where(x.gt(Tensor.wrapped(0, dtype: .int64)), number(scale), curve))
            },
            savedRule: { gg, g, x in
                let curve = try gg.mul(g).mul(number(inputScale * curveCoefficient)).mul(x.mul(number(inputScale)).exp())
                return try Tensor.where(x.le(Tensor.wrapped(0, dtype: .int64)), curve, Tensor.zeros([], dtype: curve.dtype))
            })
    }

    /// leaky_relu_backward(g, x) = g where x > 0, else g · slope;  ∂x = 0.
    static func leakyRelu(slope: Double) -> ActivationBackward {
        ActivationBackward(name: "LeakyReluBackwardBackward0", symbol: "LeakyReLU′",
            value: { g, x in
                try g.mul(Tensor.where(x.gt(Tensor.wrapped(0, dtype: .int64)), one, number(slope)).to(x.floatingSelf.dtype))
            },
            savedRule: { gg, _, _ in try Tensor.zerosLike(gg) })
    }

    /// hardtanh_backward(g, x) = g strictly inside (min, max), else 0;  ∂x = 0.
    static func hardtanh(min lo: Double, max hi: Double) -> ActivationBackward {
        ActivationBackward(name: "HardtanhBackwardBackward0", symbol: "hardtanh′",
            value: { g, x in
                try g.mul(x.gt(number(lo)).logicalAnd(x.lt(number(hi))).to(x.floatingSelf.dtype))
            },
            savedRule: { gg, _, _ in try Tensor.zerosLike(gg) })
    }
}
