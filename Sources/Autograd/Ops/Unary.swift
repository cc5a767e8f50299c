import Foundation

// Derivative table, elementwise functions. r is the op's result.

extension Tensor {
    /// Integer inputs compute in float32, as PyTorch's float functions do.
    private var floatingSelf: Tensor { dtype.isFloatingPoint ? self : converted(.float32) }

    // exp:  ∂a = g · r
    public func exp() throws -> Tensor {
        let out = try ElementwiseKernel.unary(floatingSelf, f32: expf, f64: Foundation.exp)
        return out.recorded("ExpBackward0", symbol: "exp", inputs: [self], saving: [out]) { g in [try g.mul(out)] }
    }

    // log:  ∂a = g / a
    public func log() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: logf, f64: Foundation.log)
        return out.recorded("LogBackward0", symbol: "log", inputs: [a], saving: [a]) { g in [try g.div(a)] }
    }

    // log1p:  ∂a = g / (a + 1)
    public func log1p() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: log1pf, f64: Foundation.log1p)
        return out.recorded("Log1PBackward0", symbol: "log1p", inputs: [a], saving: [a]) { g in
            [try g.div(a.add(Tensor.wrapped(1, dtype: .int64)))]
        }
    }

    // sqrt:  ∂a = g / (2r)
    public func sqrt() throws -> Tensor {
        let out = try ElementwiseKernel.unary(floatingSelf, f32: { $0.squareRoot() }, f64: { $0.squareRoot() })
        return out.recorded("SqrtBackward0", symbol: "√", inputs: [self], saving: [out]) { g in
            [try g.div(out.mul(Tensor.wrapped(2, dtype: .int64)))]
        }
    }

    // rsqrt:  ∂a = −g · r³ / 2
    public func rsqrt() throws -> Tensor {
        let out = try ElementwiseKernel.unary(floatingSelf, f32: { 1 / $0.squareRoot() }, f64: { 1 / $0.squareRoot() })
        return out.recorded("RsqrtBackward0", symbol: "1/√", inputs: [self], saving: [out]) { g in
            [try g.mul(out.pow(3).mul(Tensor.wrapped(-0.5, dtype: .float64)))]
        }
    }

    // abs:  ∂a = g · sign(a)
    public func abs() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(a, f32: { Swift.abs($0) }, f64: { Swift.abs($0) }, i64: { $0 < 0 ? 0 &- $0 : $0 })
        return out.recorded("AbsBackward0", symbol: "|x|", inputs: [a], saving: [a]) { g in [try g.mul(a.sign())] }
    }

    /// sign has a zero gradient almost everywhere; PyTorch records SignBackward0.
    public func sign() throws -> Tensor {
        let out = try ElementwiseKernel.unary(self, f32: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, f64: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }, i64: { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) })
        return out.recorded("SignBackward0", symbol: "sign", inputs: [self]) { g in [try g.mul(Tensor.wrapped(0, dtype: .int64))] }
    }

    // sin:  ∂a = g · cos a
    public func sin() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: sinf, f64: Foundation.sin)
        return out.recorded("SinBackward0", symbol: "sin", inputs: [a], saving: [a]) { g in [try g.mul(a.cos())] }
    }

    // cos:  ∂a = −g · sin a
    public func cos() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: cosf, f64: Foundation.cos)
        return out.recorded("CosBackward0", symbol: "cos", inputs: [a], saving: [a]) { g in [try g.mul(a.sin().neg())] }
    }

    // tanh:  ∂a = g · (1 − r²)
    public func tanh() throws -> Tensor {
        let out = try ElementwiseKernel.unary(floatingSelf, f32: tanhf, f64: Foundation.tanh)
        return out.recorded("TanhBackward0", symbol: "tanh", inputs: [self], saving: [out]) { g in
            [try g.mul(out.mul(out).rsub(Tensor.wrapped(1, dtype: .int64)))]
        }
    }

    // sigmoid:  ∂a = g · r · (1 − r)
    public func sigmoid() throws -> Tensor {
        let out = try ElementwiseKernel.unary(floatingSelf, f32: { 1 / (1 + expf(-$0)) }, f64: { 1 / (1 + Foundation.exp(-$0)) })
        return out.recorded("SigmoidBackward0", symbol: "σ", inputs: [self], saving: [out]) { g in
            [try g.mul(out.rsub(Tensor.wrapped(1, dtype: .int64)).mul(out))]
        }
    }

    // relu:  ∂a = g · [r > 0]
    public func relu() throws -> Tensor {
        let out = try ElementwiseKernel.unary(self, f32: { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }, f64: { $0 > 0 ? $0 : ($0.isNaN ? $0 : 0) }, i64: { Swift.max($0, 0) })
        return out.recorded("ReluBackward0", symbol: "ReLU", inputs: [self], saving: [out]) { g in
            [try g.mul(out.gt(Tensor.wrapped(0, dtype: .int64)))]
        }
    }

    // leaky_relu:  ∂a = g · (a > 0 ? 1 : slope)
    public func leakyRelu(_ slope: Double = 0.01) throws -> Tensor {
        let a = self
        let s32 = Float(slope)
        let out = try ElementwiseKernel.unary(floatingSelf, f32: { $0 > 0 ? $0 : $0 * s32 }, f64: { $0 > 0 ? $0 : $0 * slope })
        return out.recorded("LeakyReluBackward0", symbol: "LeakyReLU", inputs: [a], saving: [a]) { g in
            let positive = try a.gt(Tensor.wrapped(0, dtype: .int64))
            return [try Tensor.where(positive, g, g.mul(Tensor.wrapped(slope, dtype: .float64)))]
        }
    }
}
