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
            return try body(interp, t, try signature.bind(NumpyAliases.apply(args, signature)))
        }
    }

    var functionBody: NativeFunctionBody {
        let signature = NativeSignature(name, parameters: [NativeSignature.Parameter("input")] + parameters)
        let body = self.body
        let name = self.name
        return { interp, args in
            let args = NumpyAliases.apply(args, signature)
            if !args.keywords.isEmpty, let i = args.keywords.firstIndex(where: { $0.name === OutArgument.symbol }) {
                var rest = args
                let out = rest.keywords.remove(at: i).value
                return try OutArgument.write(name, into: out, args: rest) { try run(interp, signature.bind($0)) }
            }
            return try run(interp, try signature.bind(args))
        }
        func run(_ interp: Interpreter, _ bound: BoundArguments) throws -> Value {
            let input = bound["input"]
            guard let t = TorchValues.tensor(input) else {
                throw PyError(.typeError, "\(name)(): argument 'input' (position 1) must be Tensor, not \(input.typeName)")
            }
            return try body(interp, t, bound)
        }
    }
}

/// PyTorch accepts NumPy's keyword names `axis=` and `keepdims=` for `dim=` and `keepdim=`.
enum NumpyAliases {
    static let pairs = [(Symbol.intern("axis"), Symbol.intern("dim")), (Symbol.intern("keepdims"), Symbol.intern("keepdim"))]

    static func apply(_ args: Arguments, _ signature: NativeSignature) -> Arguments {
        if args.keywords.isEmpty { return args }
        var renamed = args
        for i in renamed.keywords.indices {
            for (alias, name) in pairs where renamed.keywords[i].name === alias && signature.parameters.contains(where: { $0.name === name }) {
                renamed.keywords[i].name = name
            }
        }
        return renamed
    }
}

/// `torch.f(..., out=t)`: the result is written into `t`, which is returned.
enum OutArgument {
    static let symbol = Symbol.intern("out")

    static func write(_ name: String, into outValue: Value, args: Arguments, _ compute: (Arguments) throws -> Value) throws -> Value {
        if outValue.isNone { return try compute(args) }
        guard let out = TorchValues.tensor(outValue) else {
            throw PyError(.typeError, "\(name)(): argument 'out' must be Tensor, not \(outValue.typeName)")
        }
        let inputs = args.positional.compactMap(TorchValues.tensor) + args.keywords.compactMap { TorchValues.tensor($0.value) }
        if GradMode.isEnabled, out.requiresGrad || inputs.contains(where: { $0.requiresGrad }) {
            throw PyError(.runtimeError, "\(name)(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
        }
        guard let result = TorchValues.tensor(try compute(args)) else {
            throw PyError(.typeError, "\(name)() does not support out=")
        }
        guard result.shape == out.shape else {
            throw PyError(.runtimeError, "Litgrad cannot resize the out= tensor of \(name)() from \(Shape.bracketed(out.shape)) to \(Shape.bracketed(result.shape))")
        }
        guard canCast(result.dtype, to: out.dtype) else {
            throw PyError(.runtimeError, "result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(out.dtype.scalarTypeName)")
        }
        _ = try GradMode.with(enabled: false) { try out.copyInPlace(result) }
        return outValue
    }

    /// PyTorch's `canCast`: no floating result into an integer tensor, nothing but bool into bool.
    static func canCast(_ from: DType, to: DType) -> Bool {
        if from.isFloatingPoint && !to.isFloatingPoint { return false }
        if to == .bool && from != .bool { return false }
        return true
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
