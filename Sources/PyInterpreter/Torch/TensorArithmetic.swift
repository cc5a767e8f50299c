import Autograd

/// `+ - * /` between tensors and Python numbers without special-method
/// dispatch: when both sides are plain tensors (or Parameters) or numbers,
/// these are exactly what `Tensor.__add__`/`__radd__`… do, and the tensor
/// classes are immutable, so no user code can have replaced them. A scalar
/// training loop spends a fifth of its time on these four operators.
enum TensorArithmetic {
    /// The result, or nil when the operands are not plain tensors and numbers
    /// (the caller then dispatches as usual).
    static func binary(_ op: BinaryOp, _ l: Value, _ r: Value) throws -> Value? {
        switch op {
        case .add, .subtract, .multiply, .trueDivide: break
        default: return nil
        }
        if let a = plainTensor(l) {
            guard let b = try plainTensor(r) ?? number(r) else { return nil }
            return TorchValues.box(try forward(op, a, b))
        }
        // A number on the left: the tensor's reflected method.
        guard let b = plainTensor(r), let s = try number(l) else { return nil }
        return TorchValues.box(try reflected(op, b, s))
    }

    /// `tensor op other` (`Tensor.__add__`, `__sub__`, `__mul__`, `__truediv__`).
    static func forward(_ op: BinaryOp, _ tensor: Tensor, _ other: Tensor) throws -> Tensor {
        switch op {
        case .add: return try tensor.add(other)
        case .subtract: return try tensor.sub(other)
        case .multiply: return try tensor.mul(other)
        default: return try tensor.div(other)
        }
    }

    /// `other op tensor` (`__radd__`, `__rsub__`, `__rmul__`, `__rtruediv__`).
    static func reflected(_ op: BinaryOp, _ tensor: Tensor, _ other: Tensor) throws -> Tensor {
        switch op {
        case .add: return try other.add(tensor)
        case .subtract: return try tensor.rsub(other)
        case .multiply: return try other.mul(tensor)
        default: return try tensor.reciprocal().mul(other)   // PyTorch computes s / a as a.reciprocal() * s
        }
    }

    /// The tensor of a `torch.Tensor` or `nn.Parameter` instance (not of a subclass).
    private static func plainTensor(_ v: Value) -> Tensor? {
        guard case .object(let o) = v, let instance = o as? PyInstance,
              instance.cls === TorchTypes.tensor || instance.cls === TorchTypes.parameter else { return nil }
        return instance.payload as? Tensor
    }

    /// A Python int, float or bool as a wrapped operand.
    private static func number(_ v: Value) throws -> Tensor? {
        switch v {
        case .int, .float, .bool: return try TorchValues.operand(v)
        default: return nil
        }
    }
}
