import Foundation

// Rounding: piecewise constant, so d = 0 (PyTorch still records the node);
// frac = a − trunc(a) has d = 1. Integer tensors are returned unchanged.

extension Tensor {
    private func piecewiseConstant(_ name: String, f32: (Float) -> Float, f64: (Double) -> Double) throws -> Tensor {
        if !dtype.isFloatingPoint { return try contiguousCopy() }
        return try elementwise(name, symbol: name, f32: f32, f64: f64) { a, _ in try Tensor.zerosLike(a) }
    }

    public func floor() throws -> Tensor { try piecewiseConstant("FloorBackward0", f32: { $0.rounded(.down) }, f64: { $0.rounded(.down) }) }
    public func ceil() throws -> Tensor { try piecewiseConstant("CeilBackward0", f32: { $0.rounded(.up) }, f64: { $0.rounded(.up) }) }
    public func trunc() throws -> Tensor { try piecewiseConstant("TruncBackward0", f32: { $0.rounded(.towardZero) }, f64: { $0.rounded(.towardZero) }) }
    /// Half to even, as PyTorch (and Python) round.
    public func round() throws -> Tensor {
        try piecewiseConstant("RoundBackward0", f32: { $0.rounded(.toNearestOrEven) }, f64: { $0.rounded(.toNearestOrEven) })
    }
    /// `round(decimals=n)`: scales by 10ⁿ, rounds half to even, scales back (RoundBackward1).
    public func round(decimals: Int) throws -> Tensor {
        if decimals == 0 { return try round() }
        if !dtype.isFloatingPoint { return try contiguousCopy() }
        let scale = Foundation.pow(10.0, Double(Swift.abs(decimals)))
        let sf = Float(scale)
        let up = decimals > 0
        return try elementwise("RoundBackward1", symbol: "round",
                               f32: { up ? ($0 * sf).rounded(.toNearestOrEven) / sf : ($0 / sf).rounded(.toNearestOrEven) * sf },
                               f64: { up ? ($0 * scale).rounded(.toNearestOrEven) / scale : ($0 / scale).rounded(.toNearestOrEven) * scale }) { a, _ in
            try Tensor.zerosLike(a)
        }
    }
    public func frac() throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("\"frac_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        return try elementwise("FracBackward0", symbol: "frac", f32: { $0 - $0.rounded(.towardZero) }, f64: { $0 - $0.rounded(.towardZero) }) { a, _ in
            try Tensor.onesLike(a)
        }
    }
}
