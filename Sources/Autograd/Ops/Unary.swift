import Foundation

// Derivative table, elementwise functions of one tensor. Each row gives the
// local derivative d(a, r) (a the input, r the result): reverse mode computes
// ∂a = g · d, forward mode ṙ = ṫ · d. d is built from differentiable ops, so
// second derivatives come for free.

extension Tensor {
    /// Integer inputs compute in float32, as PyTorch's float functions do.
    var floatingSelf: Tensor { dtype.isFloatingPoint ? self : converted(.float32) }

    /// One row of the table: kernel, PyTorch name, local derivative.
    func elementwise(_ name: String, symbol: String, saveInput: Bool = false, saveOutput: Bool = false,
                     integerKeepsDType: ((Int64) -> Int64)? = nil,
                     f32: (Float) -> Float, f64: (Double) -> Double,
                     derivative: @escaping (_ a: Tensor, _ r: Tensor) throws -> Tensor) throws -> Tensor {
        let a = self
        let out: Tensor
        if let integerKeepsDType, dtype.isIntegral {
            out = try ElementwiseKernel.unary(a, f32: f32, f64: f64, i64: integerKeepsDType)
        } else {
            out = try ElementwiseKernel.unary(floatingSelf, f32: f32, f64: f64)
        }
        guard Tensor.recordingNeeded(a) else { return out }
        // Only rows that save their output read `r`; the others get a stand-in
        // rather than an alias made for nothing.
        let r = saveOutput ? out.outputForBackward : a
        return try out.recorded(name, symbol: symbol, inputs: [a], saving: saveInput ? [a] : [], output: saveOutput ? r : nil,
                                tangent: { t in try t[0]?.mul(derivative(a, out)) }) { g in [try g.mul(derivative(a, r))] }
    }

    /// A row whose derivative PyTorch writes as a quotient, ∂a = g / q(a, r)
    /// (DivBackward0 under create_graph, and rounded once as PyTorch rounds it).
    func elementwiseQuotient(_ name: String, symbol: String, saveInput: Bool = false, saveOutput: Bool = false,
                             f32: (Float) -> Float, f64: (Double) -> Double,
                             divisor: @escaping (_ a: Tensor, _ r: Tensor) throws -> Tensor) throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: f32, f64: f64)
        guard Tensor.recordingNeeded(a) else { return out }
        let r = out.outputForBackward
        return try out.recorded(name, symbol: symbol, inputs: [a], saving: saveInput ? [a] : [], output: saveOutput ? r : nil,
                                tangent: { t in try t[0]?.div(divisor(a, out)) }) { g in [try g.div(divisor(a, r))] }
    }

    /// A row whose backward is an op of its own (PyTorch's `X_backward`, named
    /// XBackwardBackward0 when differentiated), saving the input.
    func elementwise(_ name: String, symbol: String, f32: (Float) -> Float, f64: (Double) -> Double,
                     backward: ActivationBackward) throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: f32, f64: f64)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded(name, symbol: symbol, inputs: [a], saving: [a],
                                tangent: { t in try t[0].map { try backward($0, a) } }) { g in [try backward(g, a)] }
    }

    private static func number(_ v: Double) -> Tensor { Tensor.wrapped(v, dtype: .float64) }
    private static let one = Tensor.wrapped(1, dtype: .int64)

    public func exp() throws -> Tensor {
        try elementwise("ExpBackward0", symbol: "exp", saveOutput: true, f32: expf, f64: Foundation.exp) { _, r in r }
    }
    /// exp2 (Exp2Backward0): ∂a = (g · r) · ln 2, the last product by a C++ scalar (MulBackward1).
    public func exp2() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: exp2f, f64: Foundation.exp2)
        guard Tensor.recordingNeeded(a) else { return out }
        let r = out.outputForBackward
        return try out.recorded("Exp2Backward0", symbol: "2^x", inputs: [a], output: r,
                                tangent: { t in try t[0]?.mul(out).scaledByScalar(M_LN2) }) { g in
            [try g.mul(r).scaledByScalar(M_LN2)]
        }
    }
    public func expm1() throws -> Tensor {
        try elementwise("Expm1Backward0", symbol: "expm1", saveOutput: true, f32: CorrectlyRoundedFloat.expm1, f64: CorrectlyRoundedDouble.expm1) { _, r in
            try r.add(Self.one)
        }
    }
    public func log() throws -> Tensor {
        try elementwiseQuotient("LogBackward0", symbol: "log", saveInput: true, f32: logf, f64: Foundation.log, divisor: { a, _ in a })
    }
    public func log2() throws -> Tensor {
        try elementwiseQuotient("Log2Backward0", symbol: "log2", saveInput: true, f32: CorrectlyRoundedFloat.log2, f64: CorrectlyRoundedDouble.log2,
                                divisor: { a, _ in try a.mul(Self.number(M_LN2)) })
    }
    public func log10() throws -> Tensor {
        try elementwiseQuotient("Log10Backward0", symbol: "log10", saveInput: true, f32: CorrectlyRoundedFloat.log10, f64: CorrectlyRoundedDouble.log10,
                                divisor: { a, _ in try a.mul(Self.number(M_LN10)) })
    }
    public func log1p() throws -> Tensor {
        try elementwiseQuotient("Log1PBackward0", symbol: "log1p", saveInput: true, f32: CorrectlyRoundedFloat.log1p, f64: CorrectlyRoundedDouble.log1p,
                                divisor: { a, _ in try a.add(Self.one) })
    }
    public func sqrt() throws -> Tensor {
        try elementwiseQuotient("SqrtBackward0", symbol: "√", saveOutput: true, f32: { $0.squareRoot() }, f64: { $0.squareRoot() },
                                divisor: { _, r in try r.mul(Tensor.wrapped(2, dtype: .int64)) })
    }
    public func rsqrt() throws -> Tensor {
        try elementwise("RsqrtBackward0", symbol: "1/√", saveOutput: true, f32: { 1 / $0.squareRoot() }, f64: { 1 / $0.squareRoot() }) { _, r in
            try r.pow(3).mul(Self.number(-0.5))
        }
    }
    public func abs() throws -> Tensor {
        try elementwise("AbsBackward0", symbol: "|x|", saveInput: true, integerKeepsDType: { $0 < 0 ? 0 &- $0 : $0 },
                        f32: { Swift.abs($0) }, f64: { Swift.abs($0) }) { a, _ in try a.sign() }
    }
    /// sign has a zero derivative; PyTorch still records SignBackward0.
    public func sign() throws -> Tensor {
        if dtype == .bool { return self }
        return try elementwise("SignBackward0", symbol: "sign", integerKeepsDType: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) },
                               f32: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, f64: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }) { a, _ in
            try Tensor.zerosLike(a.floatingSelf)
        }
    }
    public func sin() throws -> Tensor {
        try elementwise("SinBackward0", symbol: "sin", saveInput: true, f32: sinf, f64: Foundation.sin) { a, _ in try a.cos() }
    }
    public func cos() throws -> Tensor {
        try elementwise("CosBackward0", symbol: "cos", saveInput: true, f32: cosf, f64: Foundation.cos) { a, _ in try a.sin().neg() }
    }
    public func tan() throws -> Tensor {
        try elementwise("TanBackward0", symbol: "tan", saveOutput: true, f32: tanf, f64: Foundation.tan) { _, r in
            try r.mul(r).add(Self.one)
        }
    }
    /// tanh (TanhBackward0): ∂a = tanh_backward(g, r) = g · (1 − r²).
    public func tanh() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: CorrectlyRoundedFloat.tanh, f64: CorrectlyRoundedDouble.tanh)
        guard Tensor.recordingNeeded(a) else { return out }
        let r = out.outputForBackward
        return try out.recorded("TanhBackward0", symbol: "tanh", inputs: [a], output: r,
                                tangent: { t in try t[0].map { try Tensor.tanhBackward($0, out) } }) { g in
            [try Tensor.tanhBackward(g, r)]
        }
    }

    /// `tanh_backward(g, r)`: g · (1 − r·r) with 1 − r·r rounded once, as PyTorch's
    /// kernel computes it (the compiler fuses it into one multiply-add). Differentiable
    /// in both arguments (TanhBackwardBackward0): ∂g = tanh_backward(gg, r), ∂r = gg · (−2 r g).
    static func tanhBackward(_ g: Tensor, _ r: Tensor) throws -> Tensor {
        guard g.dtype == r.dtype, g.dtype == .float32 || g.dtype == .float64 else {
            return try g.mul(r.mul(r).rsub(one))
        }
        let out = try ElementwiseKernel.binary(g, r, compute: g.dtype,
                                               f32: { $0 * FusedMultiplyAdd.fused(-$1, $1, 1) },
                                               f64: { $0 * (1 as Double).addingProduct(-$1, $1) })
        guard Tensor.recordingNeeded(g, r) else { return out }
        return try out.recorded("TanhBackwardBackward0", symbol: "tanh′", inputs: [g, r], saving: [g, r],
                                tangent: { t in
                                    let dg = try t[0].map { try tanhBackward($0, r) }
                                    let dr = try t[1].map { try $0.mul(r.mul(number(-2)).mul(g)) }
                                    switch (dg, dr) {
                                    case let (x?, y?): return try x.add(y)
                                    default: return dg ?? dr
                                    }
                                }) { gg in
            [try tanhBackward(gg, r), try gg.mul(r.mul(number(-2)).mul(g))]
        }
    }
    /// sigmoid (SigmoidBackward0): float32 values as PyTorch's vectorised kernel gives
    /// them (PointwiseKernels); ∂a = sigmoid_backward(g, r) = (g · (1 − r)) · r, multiplied in PyTorch's order.
    public func sigmoid() throws -> Tensor {
        let a = self
        let x = floatingSelf
        let out = x.dtype == .float32
            ? Tensor(storage: Storage(PointwiseKernels.sigmoid(x.elements(as: Float.self), contiguous: x.isContiguous)), shape: shape)
            : try ElementwiseKernel.unary(x, f32: { 1 / (1 + expf(-$0)) }, f64: { 1 / (1 + Foundation.exp(-$0)) })
        guard Tensor.recordingNeeded(a) else { return out }
        let r = out.outputForBackward
        return try out.recorded("SigmoidBackward0", symbol: "σ", inputs: [a], output: r,
                                tangent: { t in try t[0].map { try ActivationBackward.sigmoid($0, out) } }) { g in
            [try ActivationBackward.sigmoid(g, r)]
        }
    }
    /// erf (ErfBackward0): d = 2/√π · exp(−a²). float32 values as PyTorch's MKL call gives them (VectorMathErf).
    public func erf() throws -> Tensor {
        try elementwise("ErfBackward0", symbol: "erf", saveInput: true, f32: VectorMathErf.erf, f64: Foundation.erf) { a, _ in
            try a.mul(a).neg().exp().mul(Self.number(2 / Double.pi.squareRoot()))
        }
    }

    /// relu (ReluBackward0): ∂a = g where the result is positive, else +0 (PyTorch's
    /// threshold_backward, which never multiplies, so no −0 appears).
    public func relu() throws -> Tensor {
        let a = self
        let out: Tensor
        if dtype == .float32 {
            // The common case as one tight loop.
            let x = elements(as: Float.self)
            out = Tensor(storage: Storage(PointwiseKernels.relu(x)), shape: shape)
        } else if dtype.isIntegral {
            out = try ElementwiseKernel.unary(a, f32: { $0 }, f64: { $0 }, i64: { Swift.max($0, 0) })
        } else {
            out = try ElementwiseKernel.unary(floatingSelf, f32: { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }, f64: { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) })
        }
        guard Tensor.recordingNeeded(a) else { return out }
        let r = out.outputForBackward
        return try out.recorded("ReluBackward0", symbol: "ReLU", inputs: [a], output: r,
                                tangent: { t in try t[0].map { try Tensor.thresholdBackward($0, out) } }) { g in
            [try Tensor.thresholdBackward(g, r)]
        }
    }

    /// `threshold_backward(g, r, 0)`: g where r > 0, else 0 (ThresholdBackwardBackward0 when differentiated).
    static func thresholdBackward(_ g: Tensor, _ r: Tensor) throws -> Tensor {
        let out: Tensor
        if g.dtype == .float32 && r.dtype == .float32 && g.shape == r.shape {
            out = Tensor(storage: Storage(PointwiseKernels.thresholdBackward(g.elements(as: Float.self), r.elements(as: Float.self))),
                         shape: g.shape)
        } else {
            out = try ElementwiseKernel.binary(g, r, compute: g.dtype, f32: { $1 <= 0 ? 0 : $0 }, f64: { $1 <= 0 ? 0 : $0 },
                                               i64: { $1 <= 0 ? 0 : $0 })
        }
        guard Tensor.recordingNeeded(g) else { return out }
        return try out.recorded("ThresholdBackwardBackward0", symbol: "ReLU′", inputs: [g],
                                tangent: { t in try t[0].map { try thresholdBackward($0, r) } }) { gg in
            [try thresholdBackward(gg, r)]
        }
    }

    public func leakyRelu(_ slope: Double = 0.01) throws -> Tensor {
        let s32 = Float(slope)
        return try elementwise("LeakyReluBackward0", symbol: "LeakyReLU",
                               f32: { $0 > 0 ? $0 : $0 * s32 }, f64: { $0 > 0 ? $0 : $0 * slope },
                               backward: .leakyRelu(slope: slope))
    }
    /// `F.gelu(x)` (exact, erf form) or `approximate: "tanh"` (GeluBackward0:
    /// ∂a = gelu_backward(g, a)). float32 values as PyTorch's CPU kernels give
    /// them (GeluKernels).
    public func gelu(approximate: String = "none") throws -> Tensor {
        guard approximate == "none" || approximate == "tanh" else {
            throw TorchError.runtime("approximate argument must be either none or tanh.")
        }
        let tanh = approximate == "tanh"
        let a = self
        let x = floatingSelf
        let out: Tensor
        if x.dtype == .float32 {
            out = Tensor(storage: Storage(GeluKernels.forward(x, tanh: tanh)), shape: shape)
        } else {
            // float64: ATen's scalar formulas (its vector body's SLEEF erf and tanh
            // may differ from them in rare last bits).
            let k = (2 / Double.pi).squareRoot(), c = 0.044715, r = 0.5.squareRoot()
            let f64: (Double) -> Double = tanh
                ? { v in 0.5 * v * (1 + Foundation.tanh(k * (v + c * v * v * v))) }
                : { v in v * 0.5 * (1 + Foundation.erf(v * r)) }
            out = try ElementwiseKernel.unary(x, f32: { Float(f64(Double($0))) }, f64: f64)
        }
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("GeluBackward0", symbol: "GELU", inputs: [a], saving: [a],
                                tangent: { t in try t[0].map { try Tensor.geluBackward($0, a, tanh: tanh) } }) { g in
            [try Tensor.geluBackward(g, a, tanh: tanh)]
        }
    }

    /// `gelu_backward(g, a)`: g · gelu′(a), by PyTorch's kernels for float32
    /// (GeluKernels). Differentiable in both arguments (GeluBackwardBackward0):
    /// ∂g = gelu_backward(gg, a), ∂a = gg · g · gelu″(a).
    static func geluBackward(_ g: Tensor, _ a: Tensor, tanh: Bool) throws -> Tensor {
        let x = a.floatingSelf
        let out: Tensor
        if g.dtype == .float32 && x.dtype == .float32 && g.shape == x.shape {
            out = Tensor(storage: Storage(GeluKernels.backward(g, x, tanh: tanh)), shape: x.shape)
        } else {
            out = try g.mul(geluDerivative(a, tanh: tanh))
        }
        guard Tensor.recordingNeeded(g, a) else { return out }
        return try out.recorded("GeluBackwardBackward0", symbol: "GELU′", inputs: [g, a], saving: [g, a],
                                tangent: { t in
                                    let dg = try t[0].map { try geluBackward($0, a, tanh: tanh) }
                                    let da = try t[1].map { try $0.mul(g).mul(geluSecondDerivative(a, tanh: tanh)) }
                                    switch (dg, da) {
                                    case let (x?, y?): return try x.add(y)
                                    default: return dg ?? da
                                    }
                                }) { gg in
            [try geluBackward(gg, a, tanh: tanh), try gg.mul(g).mul(geluSecondDerivative(a, tanh: tanh))]
        }
    }

    /// gelu′(a) from differentiable ops: Φ(a) + a·φ(a), or for the tanh form
    /// ½(1 + t) + ½a(1 − t²)u′ with t = tanh(u), u = β(a + κa³), u′ = β(1 + 3κa²).
    private static func geluDerivative(_ a: Tensor, tanh: Bool) throws -> Tensor {
        if tanh {
            let (t, du) = try geluTanhParts(a)
            let left = try t.add(one).mul(number(0.5))
            let right = try a.mul(number(0.5)).mul(t.mul(t).rsub(one)).mul(du)
            return try left.add(right)
        }
        let cdf = try a.mul(number(0.5.squareRoot())).erf().add(one).mul(number(0.5))
        return try cdf.add(a.mul(standardNormalDensity(a)))
    }

    /// gelu″(a): φ(a)(2 − a²), or for the tanh form (1 − t²)(u′ − a·t·u′² + 3βκa²).
    private static func geluSecondDerivative(_ a: Tensor, tanh: Bool) throws -> Tensor {
        if tanh {
            let (t, du) = try geluTanhParts(a)
            let square = try a.mul(a)
            let bracket = try du.sub(a.mul(t).mul(du).mul(du)).add(square.mul(number(3 * geluTanhBeta * 0.044715)))
            return try t.mul(t).rsub(one).mul(bracket)
        }
        return try standardNormalDensity(a).mul(a.mul(a).rsub(Tensor.wrapped(2, dtype: .int64)))
    }

    private static let geluTanhBeta = (2 / Double.pi).squareRoot()

    /// t = tanh(β(a + κa³)) and u′ = β(1 + 3κa²).
    private static func geluTanhParts(_ a: Tensor) throws -> (Tensor, Tensor) {
        let c = 0.044715
        let t = try a.add(a.pow(3).mul(number(c))).mul(number(geluTanhBeta)).tanh()
        let du = try a.mul(a).mul(number(3 * c)).add(one).mul(number(geluTanhBeta))
        return (t, du)
    }

    /// φ(a) = e^(−a²/2) / √(2π).
    private static func standardNormalDensity(_ a: Tensor) throws -> Tensor {
        try a.mul(a).mul(number(-0.5)).exp().mul(number(1 / (2 * Double.pi).squareRoot()))
    }
    public func elu(alpha: Double = 1) throws -> Tensor {
        let af = Float(alpha)
        return try elementwise("EluBackward0", symbol: "ELU",
                               f32: { $0 > 0 ? $0 : af * expm1f($0) }, f64: { $0 > 0 ? $0 : alpha * Foundation.expm1($0) },
                               backward: .elu(alpha: alpha))
    }
    /// `F.selu`: elu with PyTorch's fixed α and scale (EluBackward0):
    /// scale·x for x > 0, else expm1(x)·(α·scale).
    public func selu() throws -> Tensor {
        let alpha = 1.6732632423543772848170429916717, scale = 1.0507009873554804934193349852946
        let negative = alpha * scale
        let (sf, nf) = (Float(scale), Float(negative))
        return try elementwise("EluBackward0", symbol: "SELU",
                               f32: { $0 > 0 ? $0 * sf : expm1f($0) * nf }, f64: { $0 > 0 ? $0 * scale : Foundation.expm1($0) * negative },
                               backward: .elu(alpha: alpha, scale: scale))
    }
    /// `F.celu(alpha)`: elu with input scale 1/α (CeluBackward0): x for x > 0, else expm1(x/α)·α.
    public func celu(alpha: Double = 1) throws -> Tensor {
        let inverse = 1 / alpha
        let (af, inf) = (Float(alpha), Float(inverse))
        return try elementwise("CeluBackward0", symbol: "CELU",
                               f32: { $0 > 0 ? $0 : expm1f($0 * inf) * af }, f64: { $0 > 0 ? $0 : Foundation.expm1($0 * inverse) * alpha },
                               backward: .elu(alpha: alpha, inputScale: inverse))
    }
    public func softplus(beta: Double = 1, threshold: Double = 20) throws -> Tensor {
        let bf = Float(beta), tf = Float(threshold)
        return try elementwise("SoftplusBackward0", symbol: "softplus",
                               f32: { $0 * bf > tf ? $0 : log1pf(expf($0 * bf)) / bf },
                               f64: { $0 * beta > threshold ? $0 : Foundation.log1p(Foundation.exp($0 * beta)) / beta },
                               backward: .softplus(beta: beta, threshold: threshold))
    }
    public func silu() throws -> Tensor {
        try elementwise("SiluBackward0", symbol: "SiLU", saveInput: true,
                        f32: { $0 / (1 + expf(-$0)) }, f64: { $0 / (1 + Foundation.exp(-$0)) }) { a, _ in
            let s = try a.sigmoid()
            return try s.mul(a.mul(s.rsub(Self.one)).add(Self.one))
        }
    }
    /// `F.logsigmoid`: −softplus(−a);  d = σ(−a).
    public func logSigmoid() throws -> Tensor {
        try elementwise("LogSigmoidBackward0", symbol: "logσ",
                        f32: { x in Swift.min(x, 0) - log1pf(expf(-Swift.abs(x))) },
                        f64: { x in Swift.min(x, 0) - Foundation.log1p(Foundation.exp(-Swift.abs(x))) },
                        backward: .logSigmoid)
    }
    /// `F.hardtanh(min, max)` (also relu6): d = 1 strictly inside (min, max).
    public func hardtanh(min lo: Double = -1, max hi: Double = 1) throws -> Tensor {
        let lf = Float(lo), hf = Float(hi)
        return try elementwise("HardtanhBackward0", symbol: "hardtanh",
                               f32: { $0.isNaN ? $0 : Swift.min(Swift.max($0, lf), hf) },
                               f64: { $0.isNaN ? $0 : Swift.min(Swift.max($0, lo), hi) },
                               backward: .hardtanh(min: lo, max: hi))
    }
    /// `x.square()` is `x ** 2` in PyTorch (PowBackward0).
    public func square() throws -> Tensor {
        dtype == .bool ? try to(.int64).pow(2) : try pow(2)
    }
}
