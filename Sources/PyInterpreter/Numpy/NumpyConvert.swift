import Autograd

/// Python data to NumPy arrays and dtype arguments to engine dtypes.
enum NumpyConvert {
    /// `np.array(data, dtype=…)`: a fresh array. Python floats make float64
    /// (torch's default would be float32); arrays and tensors keep their dtype.
    static func array(_ interp: Interpreter, _ data: Value, dtype: DType?) throws -> Tensor {
        if let t = data.payload(Tensor.self) {
            if t.requiresGrad {
                throw PyError(.runtimeError, "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.")
            }
            let copy = try GradMode.with(enabled: false) { try t.detach().contiguousCopy() }
            return try dtype.map { try copy.to($0) } ?? copy
        }
        switch data {
        case .int(let i): return .scalar(Double(i), dtype: dtype ?? .int64)
        case .float(let d): return .scalar(d, dtype: dtype ?? .float64)
        case .bool(let b): return .scalar(b ? 1 : 0, dtype: dtype ?? .bool)
        default: break
        }
        // A range is a sequence of ints to NumPy.
        if case .object(let o) = data, o is PyRange { return try array(interp, .list(try interp.iterate(data)), dtype: dtype) }
        if let dtype { return try TorchValues.tensor(from: data, dtype: dtype, interp: interp) }
        let inferred = try TorchValues.tensor(from: data, dtype: nil, interp: interp)
        // torch infers its default float32 for Python floats; NumPy uses float64.
        if inferred.dtype == EngineContext.current.defaultFloat, try !holdsFloat32(interp, data) {
            return try TorchValues.tensor(from: data, dtype: .float64, interp: interp)
        }
        return inferred
    }

    private static func holdsFloat32(_ interp: Interpreter, _ v: Value) throws -> Bool {
        if let t = v.payload(Tensor.self) { return t.dtype == .float32 }
        guard case .object(let o) = v, o is PyList || o is PyTuple else { return false }
        return try interp.iterate(v).contains { try holdsFloat32(interp, $0) }
    }

    /// `dtype=` as NumPy accepts it: np.float32 / np.float64 / np.int64,
    /// a `np.dtype`, a name, or Python's float / int / bool.
    static func dtype(_ v: Value) throws -> DType? {
        if v.isNone { return nil }
        if let box = v.payload(NumpyDType.Box.self) { return box.dtype }
        if let s = v.stringValue {
            switch s {
            case "float32", "f4", "single": return .float32
            case "float64", "f8", "float", "double": return .float64
            case "int64", "i8", "int": return .int64
            case "int32", "i4": return .int32
            case "bool": return .bool
            default: throw PyError(.typeError, "data type '\(s)' not understood")
            }
        }
        if case .object(let o) = v, let type = o as? PyType {
            if type === NumpyFloat32.type { return .float32 }
            if type === NumpyFloat64.type || type === PyType.float { return .float64 }
            if type === NumpyInt64.type || type === PyType.int { return .int64 }
            if type === PyType.bool || type === NumpyBool.type { return .bool }
        }
        if let d = v.payload(DTypeBox.self) { return d.dtype }
        throw PyError(.typeError, "Cannot interpret '\(v.typeName)' as a data type")
    }
}
