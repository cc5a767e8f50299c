import Autograd

/// The legacy constructors `torch.Tensor(...)`, `torch.FloatTensor(...)`,
/// `torch.DoubleTensor(...)` and `torch.LongTensor(...)`, which older
/// tutorials (and micrograd's tests) still use: data becomes a tensor of the
/// constructor's dtype, sizes an uninitialised tensor (zeros here, since
/// PyTorch's garbage cannot be reproduced), no argument an empty tensor.
enum LegacyTensorConstructor {
    static func make(_ interp: Interpreter, _ name: String, dtype: DType, _ args: Arguments) throws -> Tensor {
        if let kw = args.keywords.first(where: { $0.name.name != "device" }) {
            throw PyError(.typeError, "\(name)() got an unexpected keyword argument '\(kw.name.name)'")
        }
        let positional = args.positional
        guard let first = positional.first else { return try Tensor.empty([0], dtype: dtype) }
        if positional.count == 1 {
            if let t = TorchValues.tensor(first) {
                guard t.dtype == dtype else {
                    throw PyError(.typeError, "expected \(dtype.legacyTypeName) (got \(t.dtype.legacyTypeName))")
                }
                return t.detach()
            }
            if let size = first.payload(SizeBox.self) { return try Tensor.zeros(size.dims, dtype: dtype) }
            if case .object(let o) = first, o is PyList || o is PyTuple {
                return try TorchValues.tensor(from: first, dtype: dtype, interp: interp)
            }
        }
        guard positional.allSatisfy(TorchValues.isInt) else {
            throw PyError(.typeError, "new(): invalid data type '\(first.typeName)'")
        }
        return try Tensor.zeros(TorchValues.shape(interp, positional, name), dtype: dtype)
    }

    /// `torch.FloatTensor` and friends as functions of the torch module.
    static func register(_ m: PyModule) {
        for (name, dtype) in [("FloatTensor", DType.float32), ("DoubleTensor", .float64), ("LongTensor", .int64),
                              ("IntTensor", .int32), ("BoolTensor", .bool)] {
            m.addFunction(name) { interp, args in TorchValues.box(try make(interp, name, dtype: dtype, args)) }
        }
    }
}
