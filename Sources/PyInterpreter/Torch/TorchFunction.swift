import Autograd

/// One tensor operation as Python sees it, written once and registered both
/// as a method (`x.sum(dim=1)`) and as a function (`torch.sum(x, dim=1)`).
/// `parameters` are those after the tensor itself.
struct TorchFunction {
    enum Form { case both, methodOnly, functionOnly }

    let name: String
    let parameters: [NativeSignature.Parameter]
    let form: Form
    let body: (Interpreter, Tensor, BoundArguments) throws -> Value

    init(_ name: String, _ parameters: [NativeSignature.Parameter] = [], form: Form = .both,
         _ body: @escaping (Interpreter, Tensor, BoundArguments) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.form = form
        self.body = body
    }

    /// A function of the tensor alone returning a tensor (`exp`, `t`, `relu`…).
    static func unary(_ name: String, form: Form = .both, _ f: @escaping (Tensor) throws -> Tensor) -> TorchFunction {
        TorchFunction(name, form: form) { _, t, _ in TorchValues.box(try f(t)) }
    }

    var methodBody: NativeMethodBody {
        let signature = NativeSignature(name, parameters: parameters)
        let body = self.body
        let name = self.name
        return { interp, this, args in
            guard let t = TorchValues.tensor(this) else {
                throw PyError(.typeError, "descriptor '\(name)' requires a 'torch.Tensor' object but received a '\(this.typeName)'")
            }
            return try body(interp, t, try signature.bind(args))
        }
    }

    var functionBody: NativeFunctionBody {
        let signature = NativeSignature(name, parameters: [NativeSignature.Parameter("input")] + parameters)
        let body = self.body
        let name = self.name
        return { interp, args in
            let bound = try signature.bind(args)
            let input = bound["input"]
            guard let t = TorchValues.tensor(input) else {
                throw PyError(.typeError, "\(name)(): argument 'input' (position 1) must be Tensor, not \(input.typeName)")
            }
            return try body(interp, t, bound)
        }
    }
}

extension BoundArguments {
    /// An optional int argument (None → nil).
    func optionalInt(_ name: String) throws -> Int? {
        guard let v = optional(name) else { return nil }
        return try TorchValues.int(v, "\(signature.functionName)(): argument '\(name)'")
    }

    func tensor(_ name: String) throws -> Tensor {
        let v = self[name]
        guard let t = TorchValues.tensor(v) else {
            throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be Tensor, not \(v.typeName)")
        }
        return t
    }

    func optionalTensor(_ name: String) throws -> Tensor? {
        guard let v = optional(name) else { return nil }
        guard let t = TorchValues.tensor(v) else {
            throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be Tensor, not \(v.typeName)")
        }
        return t
    }

    /// A tensor or a Python number (wrapped) argument.
    func operand(_ name: String) throws -> Tensor {
        let v = self[name]
        guard let t = try TorchValues.operand(v) else {
            throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be Tensor, not \(v.typeName)")
        }
        return t
    }

    func dtype(_ name: String = "dtype") throws -> DType? {
        guard let v = optional(name) else { return nil }
        guard let d = v.payload(DTypeBox.self) else {
            throw PyError(.typeError, "\(signature.functionName)(): argument '\(name)' must be torch.dtype, not \(v.typeName)")
        }
        return d.dtype
    }
}
