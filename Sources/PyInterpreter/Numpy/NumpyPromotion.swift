import Autograd

/// One side of a NumPy binary operation. Arrays and NumPy scalars carry their
/// dtype; Python numbers are "weak" (NEP 50, NumPy 2): they take the array's
/// dtype unless their kind is higher (an int array times 1.5 is float64).
struct NumpyOperand {
    let tensor: Tensor
    let isWeak: Bool

    /// nil for values NumPy would not combine here (torch tensors, strings…),
    /// so the other side's reflected operator gets its turn.
    static func from(_ interp: Interpreter, _ v: Value) throws -> NumpyOperand? {
        switch v {
        case .int(let i): return NumpyOperand(tensor: .scalar(Double(i), dtype: .int64), isWeak: true)
        case .float(let d): return NumpyOperand(tensor: .scalar(d, dtype: .float64), isWeak: true)
        case .bool(let b): return NumpyOperand(tensor: .scalar(b ? 1 : 0, dtype: .bool), isWeak: true)
        case .object(let o):
            if o is PyBigInt { throw PyError(.overflowError, "Python integer \(try interp.str(v)) out of bounds for int64") }
            if NumpyArray.isNumpy(v), let t = v.payload(Tensor.self) { return NumpyOperand(tensor: t, isWeak: false) }
            if o is PyList || o is PyTuple { return NumpyOperand(tensor: try NumpyConvert.array(interp, v, dtype: nil), isWeak: false) }
            return nil
        default: return nil
        }
    }
}

enum NumpyPromotion {
    /// bool < integer < floating.
    static func kind(_ d: DType) -> Int { d == .bool ? 0 : d.isFloatingPoint ? 2 : 1 }

    /// `np.result_type` of two arrays: the smallest dtype holding both
    /// (an int64 with a float32 needs float64).
    static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        if a.isFloatingPoint || b.isFloatingPoint { return .float64 }
        return .int64
    }

    static func result(_ a: NumpyOperand, _ b: NumpyOperand) -> DType {
        switch (a.isWeak, b.isWeak) {
        case (true, false): return weak(a.tensor.dtype, b.tensor.dtype)
        case (false, true): return weak(b.tensor.dtype, a.tensor.dtype)
        default: return promote(a.tensor.dtype, b.tensor.dtype)
        }
    }

    private static func weak(_ scalar: DType, _ array: DType) -> DType {
        kind(scalar) <= kind(array) ? array : scalar
    }
}
