import Foundation

// Derivative table, arithmetic. Each primitive: its forward kernel, then its
// backward rule as `g -> [grad per input]`, written with differentiable tensor
// ops so that create_graph=True gives higher derivatives. Vocabulary:
//   g          gradient of the op's output
//   a, b       the inputs (b may be a wrapped Python number)
//   reduce(x, t) sums x back to t's shape after broadcasting
// These ops are the hot ones of scalar lessons, so their rules are `table`
// rules: they read a and b back from the node (`savedTensor`) and a number
// from its `attribute` instead of capturing them, which saves an allocation
// per op. add and sub save nothing (an in-place change of an input must not
// invalidate their backward), so they need the input shapes: without
// broadcasting they have none to reduce to; with it, they capture them.
// Names are PyTorch's grad_fn class names (torch-fidelity §2).

/// Sums a gradient back to the shape of the input it belongs to.
func reduceGrad(_ g: Tensor?, to t: Tensor) throws -> Tensor? {
    guard let g else { return nil }
    return try g.sumToShape(t.shape)
}

extension Tensor {
    /// Sums a broadcast gradient back to an input's shape.
    public func sumToShape(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = dim - target.count
        var dims: [Int] = Array(0..<Swift.max(lead, 0))
        for (i, d) in target.enumerated() where d == 1 && shape[i + lead] != 1 { dims.append(i + lead) }
        var r = dims.isEmpty ? self : try sum(dims: dims, keepdim: true)
        if lead > 0 || r.shape != target { r = try r.reshape(target) }
        return r
    }


    // a + alpha·b:  ∂a = g,  ∂b = alpha·g
    public func add(_ b: Tensor, alpha: Double = 1) throws -> Tensor {
        let a = self
        let dtype = Promotion.resultType(a, b)
        let out: Tensor
        if alpha == 1 {
            out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: +, f64: +, i64: { $0 &+ $1 }, bool: { $0 || $1 })
        } else {
            let fa = Float(alpha)
            let ia = Int64(alpha)
            out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: { fmaf($1, fa, $0) },
                                               f64: { fma($1, alpha, $0) }, i64: { $0 &+ ia &* $1 })
        }
        guard Tensor.recordingNeeded(a, b) else { return out }
        func tangent(_ ta: Tensor?, _ tb: Tensor?) throws -> Tensor? { try Tangent.sum(ta, Tangent.scaled(tb, alpha)) }
        if a.shape == out.shape && b.shape == out.shape {
            return try out.recordedBinary("AddBackward0", symbol: "+", a, b, savingInputs: false, attribute: alpha, tangent: tangent) { node, g in
                let alpha = node.attribute
                return InputGradients(g, node.needsGradient(1) ? try Tensor.scaledGradient(g, alpha) : nil)
            }
        }
        let (aShape, bShape) = (a.shape, b.shape)
        return try out.recorded("AddBackward0", symbol: "+", inputs: [a, b], tangent: { try tangent($0[0], $0[1]) }) { g in
            InputGradients(try g.sumToShape(aShape), try Tensor.scaledGradient(g, alpha).sumToShape(bShape))
        }
    }

    /// alpha·g for add's and sub's second input (g itself when alpha is 1).
    static func scaledGradient(_ g: Tensor, _ alpha: Double) throws -> Tensor {
        alpha == 1 ? g : try g.mul(Tensor.wrapped(alpha, dtype: .float64))
    }

    // a − alpha·b:  ∂a = g,  ∂b = −alpha·g
    public func sub(_ b: Tensor, alpha: Double = 1) throws -> Tensor {
        let a = self
        if a.dtype == .bool && b.dtype == .bool {
            throw TorchError.runtime("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
        }
        let dtype = Promotion.resultType(a, b)
        let out: Tensor
        if alpha == 1 {
            out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: -, f64: -, i64: { $0 &- $1 })
        } else {
            let fa = Float(alpha), ia = Int64(alpha)
            out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: { fmaf($1, -fa, $0) }, f64: { fma($1, -alpha, $0) }, i64: { $0 &- ia &* $1 })
        }
        guard Tensor.recordingNeeded(a, b) else { return out }
        func tangent(_ ta: Tensor?, _ tb: Tensor?) throws -> Tensor? { try Tangent.sum(ta, Tangent.scaled(tb, -alpha)) }
        if a.shape == out.shape && b.shape == out.shape {
            return try out.recordedBinary("SubBackward0", symbol: "−", a, b, savingInputs: false, attribute: alpha, tangent: tangent) { node, g in
                let alpha = node.attribute
                return InputGradients(g, node.needsGradient(1) ? try g.neg().mul(Tensor.wrapped(alpha, dtype: .float64)) : nil)
            }
        }
        let (aShape, bShape) = (a.shape, b.shape)
        return try out.recorded("SubBackward0", symbol: "−", inputs: [a, b], tangent: { try tangent($0[0], $0[1]) }) { g in
            InputGradients(try g.sumToShape(aShape), try g.neg().mul(Tensor.wrapped(alpha, dtype: .float64)).sumToShape(bShape))
        }
    }

    // s − a (Python number on the left):  ∂a = −g
    public func rsub(_ s: Tensor) throws -> Tensor {
        let a = self
        let dtype = Promotion.resultType(a, s)
        let out = try ElementwiseKernel.binary(s, a, compute: dtype, f32: -, f64: -, i64: { $0 &- $1 })
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("RsubBackward1", symbol: "−", inputs: [a], tangent: { try $0[0]?.neg() }) { g in [try reduceGrad(g.neg(), to: a)] }
    }

    // a · b:  ∂a = g·b,  ∂b = g·a
    public func mul(_ b: Tensor) throws -> Tensor {
        let a = self
        let dtype = Promotion.resultType(a, b)
        let out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: *, f64: *, i64: { $0 &* $1 }, bool: { $0 && $1 })
        guard Tensor.recordingNeeded(a, b) else { return out }
        return try out.recordedBinary("MulBackward0", symbol: "×", a, b, savingInputs: true,
                                      tangent: { ta, tb in try Tangent.sum(ta?.mul(b), tb?.mul(a)) }) { node, g in
            let a = node.savedTensor(0), b = node.savedTensor(1)
            return InputGradients(node.needsGradient(0) ? try reduceGrad(g.mul(b), to: a) : nil,
                                  node.needsGradient(1) ? try reduceGrad(g.mul(a), to: b) : nil)
        }
    }

    // a / b:  ∂a = g / b,  ∂b = −g · ((a / b) / b)
    public func div(_ b: Tensor) throws -> Tensor {
        let a = self
        var dtype = Promotion.resultType(a, b)
        if !dtype.isFloatingPoint { dtype = .float32 }   // true division always gives float
        let out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: /, f64: /)
        guard Tensor.recordingNeeded(a, b) else { return out }
        return try out.recordedBinary("DivBackward0", symbol: "÷", a, b, savingInputs: true,
                                      tangent: { ta, tb in try Tangent.sum(ta, tb?.mul(out).neg())?.div(b) }) { node, g in
            let a = node.savedTensor(0), b = node.savedTensor(1)
            return InputGradients(node.needsGradient(0) ? try reduceGrad(g.div(b), to: a) : nil,
                                  node.needsGradient(1) ? try reduceGrad(g.neg().mul(a.div(b).div(b)), to: b) : nil)
        }
    }

    // −a:  ∂a = −g
    public func neg() throws -> Tensor {
        let a = self
        if a.dtype == .bool {
            throw TorchError.runtime("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
        let out = try ElementwiseKernel.unary(a, f32: { -$0 }, f64: { -$0 }, i64: { 0 &- $0 })
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("NegBackward0", symbol: "−", inputs: [a], tangent: { try $0[0]?.neg() }) { _, g in InputGradients(try g.neg()) }
    }

    // 1 / a:  ∂a = −g · r²  (r the result)
    public func reciprocal() throws -> Tensor {
        let a = self.dtype.isFloatingPoint ? self : self.converted(.float32)
        let out = try ElementwiseKernel.unary(a, f32: { 1 / $0 }, f64: { 1 / $0 })
        let r = out.outputForBackward
        return try out.recorded("ReciprocalBackward0", symbol: "1/x", inputs: [self], output: r,
                                tangent: { try $0[0]?.neg().mul(out.mul(out)) }) { g in
            [try g.neg().mul(r.mul(r))]
        }
    }

    // a ** e (Python number exponent):  ∂a = g · (e · a^(e−1))
    public func pow(_ e: Double) throws -> Tensor {
        let a = self
        let integral = e == e.rounded() && Swift.abs(e) < 9e15
        var dtype = a.dtype
        if !dtype.isFloatingPoint && !integral { dtype = .float32 }
        if dtype == .bool { dtype = .int64 }
        let base = a.converted(dtype)
        let out: Tensor
        if dtype.isIntegral {
            guard e >= 0 else { throw TorchError.runtime("Integers to negative integer powers are not allowed.") }
            out = try ElementwiseKernel.unary(base, f32: { $0 }, f64: { $0 }, i64: { Self.integerPower($0, Int64(e)) })
        } else {
            out = try ElementwiseKernel.unary(base, f32: { Self.powFloat($0, e) }, f64: { Self.powDouble($0, e) })
        }
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("PowBackward0", symbol: "^\(Self.shortNumber(e))", inputs: [a], saving: [a], attribute: e,
                                tangent: { t in
                                    if e == 0 { return try t[0]?.mul(Tensor.wrapped(0, dtype: .float64)) }
                                    return try t[0]?.mul(a.pow(e - 1).mul(Tensor.wrapped(e, dtype: .float64)))
                                }) { node, g in
            let a = node.savedTensor(0), e = node.attribute
            if e == 0 { return InputGradients(try g.mul(Tensor.wrapped(0, dtype: .float64))) }
            return InputGradients(try g.mul(a.pow(e - 1).mul(Tensor.wrapped(e, dtype: .float64))))
        }
    }

    // a ** b (tensor exponent):  ∂a = g · b · a^(b−1),  ∂b = g · a^b · log a (0 where a = 0 and b ≥ 0)
    public func pow(_ b: Tensor) throws -> Tensor {
        let a = self
        if b.isWrappedNumber, let e = try? b.scalarDouble() { return try pow(e) }
        let dtype = Promotion.resultType(a, b)
        let out = try ElementwiseKernel.binary(a, b, compute: dtype, f32: { Float(Foundation.pow(Double($0), Double($1))) }, f64: { Foundation.pow($0, $1) },
                                               i64: { x, y in
                                                   guard y >= 0 else { throw TorchError.runtime("Integers to negative integer powers are not allowed.") }
                                                   return Self.integerPower(x, y) })
        let name = a.isWrappedNumber ? "PowBackward2" : "PowBackward1"
        let inputs = a.isWrappedNumber ? [b] : [a, b]
        let r = out.outputForBackward
        return try out.recorded(name, symbol: "^", inputs: inputs, saving: [a, b], output: r,
                                tangent: { t in
                                    let tb = a.isWrappedNumber ? t[0] : t[1]
                                    let ta = a.isWrappedNumber ? nil : t[0]
                                    return try Tangent.sum(ta?.mul(b.mul(a.pow(b.sub(Tensor.wrapped(1, dtype: .int64))))),
                                                           tb?.mul(out.mul(a.logForPowGrad(b))))
                                }) { g in
            let db: Tensor? = b.requiresGrad ? try reduceGrad(g.mul(r.mul(a.logForPowGrad(b))), to: b) : nil
            if a.isWrappedNumber { return [db] }
            let da: Tensor? = a.requiresGrad ? try reduceGrad(g.mul(b.mul(a.pow(b.sub(Tensor.wrapped(1, dtype: .int64))))), to: a) : nil
            return [da, db]
        }
    }

    /// log(a) masked to 0 where a == 0 and b >= 0, as PyTorch's pow backward does.
    func logForPowGrad(_ b: Tensor) throws -> Tensor {
        let zeroBase = try eq(Tensor.wrapped(0, dtype: .int64)).logicalAnd(b.ge(Tensor.wrapped(0, dtype: .int64)))
        return try Tensor.where(zeroBase, Tensor.wrapped(0, dtype: .float64), log())
    }

    /// x^y for y ≥ 0 by squaring, wrapping on overflow as int64 arithmetic does in PyTorch and NumPy.
    public static func integerPower(_ x: Int64, _ y: Int64) -> Int64 {
        var result: Int64 = 1, base = x, e = y
        while e > 0 {
            if e & 1 == 1 { result = result &* base }
            base = base &* base
            e >>= 1
        }
        return result
    }

    /// float32 pow with PyTorch's special cases for common exponents.
    static func powFloat(_ x: Float, _ e: Double) -> Float {
        switch e {
        case 2: return x * x
        case 3: return x * x * x
        case 0.5: return x.squareRoot()
        case -0.5: return 1 / x.squareRoot()
        case -1: return 1 / x
        case -2: return 1 / (x * x)
        default: return powf(x, Float(e))
        }
    }

    static func powDouble(_ x: Double, _ e: Double) -> Double {
        switch e {
        case 2: return x * x
        case 3: return x * x * x
        case 0.5: return x.squareRoot()
        case -0.5: return 1 / x.squareRoot()
        case -1: return 1 / x
        case -2: return 1 / (x * x)
        default: return Foundation.pow(x, e)
        }
    }

    static func shortNumber(_ x: Double) -> String {
        x == x.rounded() && Swift.abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    // Integer-aware floor division and remainder (Python's sign rules); no gradient.
    public func floorDivide(_ b: Tensor) throws -> Tensor {
        let dtype = Promotion.resultType(self, b)
        return try ElementwiseKernel.binary(self, b, compute: dtype,
            f32: { Self.floorDivF($0, $1) },
            f64: { Self.floorDivD($0, $1) },
            i64: { x, y in
                guard y != 0 else { throw TorchError.runtime("ZeroDivisionError") }
                let q = x / y
                return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q
            })
    }

    public func remainder(_ b: Tensor) throws -> Tensor {
        let dtype = Promotion.resultType(self, b)
        return try ElementwiseKernel.binary(self, b, compute: dtype,
            f32: { x, y in let r = fmodf(x, y); return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r },
            f64: { x, y in let r = fmod(x, y); return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r },
            i64: { x, y in
                guard y != 0 else { throw TorchError.runtime("ZeroDivisionError") }
                let r = x % y
                return (r != 0 && ((r < 0) != (y < 0))) ? r + y : r
            })
    }

    static func floorDivF(_ x: Float, _ y: Float) -> Float { Float(floorDivD(Double(x), Double(y))) }
    /// Division by zero gives inf/nan as in PyTorch (CPython would raise).
    static func floorDivD(_ x: Double, _ y: Double) -> Double {
        y == 0 ? x / y : FloorDivision.divmod(x, y).quotient
    }
}
