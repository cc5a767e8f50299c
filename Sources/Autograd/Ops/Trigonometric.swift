import Foundation

// Derivative table, inverse trigonometric and hyperbolic functions, written
// as PyTorch's derivatives.yaml writes them (so a create_graph gradient
// shows the same grad_fn):
//   asin:  ∂a = g · (1 − a²)^(−½)       acos:  ∂a = g · −(1 − a²)^(−½)
//   atan:  ∂a = g / (a² + 1)            sinh:  ∂a = g · cosh a     cosh:  ∂a = g · sinh a
// float32 values are computed in double and rounded once (MKL's are almost
// always the correctly rounded ones).

extension Tensor {
    private static let one = Tensor.wrapped(1, dtype: .int64)

    public func asin() throws -> Tensor {
        try elementwise("AsinBackward0", symbol: "asin", saveInput: true,
                        f32: { Float(Foundation.asin(Double($0))) }, f64: Foundation.asin) { a, _ in
            try a.neg().mul(a).add(Self.one).rsqrt()
        }
    }

    public func acos() throws -> Tensor {
        try elementwise("AcosBackward0", symbol: "acos", saveInput: true,
                        f32: { Float(Foundation.acos(Double($0))) }, f64: Foundation.acos) { a, _ in
            try a.neg().mul(a).add(Self.one).rsqrt().neg()
        }
    }

    public func atan() throws -> Tensor {
        let a = self
        let out = try ElementwiseKernel.unary(floatingSelf, f32: { Float(Foundation.atan(Double($0))) }, f64: Foundation.atan)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("AtanBackward0", symbol: "atan", inputs: [a], saving: [a],
                                tangent: { t in try t[0]?.div(a.mul(a).add(Self.one)) }) { g in
            [try g.div(a.mul(a).add(Self.one))]
        }
    }

    public func sinh() throws -> Tensor {
        try elementwise("SinhBackward0", symbol: "sinh", saveInput: true,
                        f32: { Float(Foundation.sinh(Double($0))) }, f64: CorrectlyRoundedDouble.sinh) { a, _ in try a.cosh() }
    }

    public func cosh() throws -> Tensor {
        try elementwise("CoshBackward0", symbol: "cosh", saveInput: true,
                        f32: { Float(Foundation.cosh(Double($0))) }, f64: CorrectlyRoundedDouble.cosh) { a, _ in try a.sinh() }
    }
}
