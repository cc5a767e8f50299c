import Autograd
import NN

/// `torch.nn.Module` for Python: a native base class whose payload is the
/// engine's `NN.Module`. Attribute assignment registers Parameters and child
/// modules in order (PyTorch's `__setattr__`), lookups fall back to them
/// (`__getattr__`), and calling a module runs its `forward`.
enum NNModuleBinding {
    /// The payload of a Python subclass (`class Net(nn.Module)`): its forward,
    /// repr and extra_repr live in Python.
    final class PythonModule: Module {
        /// Strong on purpose: a child module's Python attributes must live as
        /// long as its parent keeps it.
        var instance: PyInstance?
        unowned let interpreter: Interpreter

        init(typeName: String, interpreter: Interpreter) {
            self.interpreter = interpreter
            super.init(typeName: typeName)
        }

        override func forward(_ input: Tensor) throws -> Tensor {
            guard let instance else { return try super.forward(input) }
            let r = try interpreter.callMethod(.object(instance), Symbol.forward, Arguments([TorchValues.box(input)]))
            return try TorchValues.requireTensor(r, "forward")
        }

        override var extraRepr: String {
            guard let instance, let r = try? interpreter.callMethod(.object(instance), "extra_repr") else { return "" }
            return r.stringValue ?? ""
        }

        override func repr() -> String {
            guard let instance, hasPythonRepr(instance.cls) else { return super.repr() }
            return (try? interpreter.repr(.object(instance))) ?? super.repr()
        }

        private func hasPythonRepr(_ cls: PyType) -> Bool {
            if case .object(let o)? = cls.lookup(Symbol.intern("__repr__")) { return o is PyFunction }
            return false
        }
    }

    // MARK: boxing

    static var classByTypeName: [String: PyType] = [:]
    private static let lock = NSLockShim()

    static func register(_ type: PyType) {
        lock.lock(); defer { lock.unlock() }
        classByTypeName[type.name] = type
    }

    /// The Python object of a module.
    static func box(_ m: Module) -> Value {
        if let p = m as? PythonModule, let inst = p.instance { return .object(inst) }
        if let existing = PyInstance.boxed(by: m.boxed) { return .object(existing) }
        lock.lock()
        let cls = m.bindingClass as? PyType ?? classByTypeName[m.typeName] ?? moduleType
        lock.unlock()
        let inst = PyInstance(cls: cls)
        inst.becomeBox(of: m)
        return .object(inst)
    }

    static func module(_ v: Value) -> Module? { v.payload(Module.self) }

    static func requireModule(_ v: Value) throws -> Module {
        guard let m = module(v) else {
            throw PyError(.attributeError, "cannot assign module before Module.__init__() call")
        }
        return m
    }

    /// An iterator over a Swift-built list (what `parameters()` and friends return).
    static func iterator(_ interp: Interpreter, _ items: [Value]) throws -> Value {
        .object(try interp.makeIterator(.list(items)))
    }

    // MARK: the base class

    static let moduleType: PyType = {
        let b = NativeClassBuilder("Module", module: "torch.nn.modules.module")
        b.initializer { interp, this, _ in
            if let inst = this.instance, inst.payload == nil {
                let m = PythonModule(typeName: inst.cls.name, interpreter: interp)
                m.instance = inst
                inst.payload = m
            }
            return .none
        }
        b.method("__setattr__") { interp, this, args in
            guard let inst = this.instance, case .str(let nameStr) = args.positional[0] else { return .none }
            try setAttribute(interp, inst, nameStr.value, args.positional[1])
            return .none
        }
        b.method("__getattr__") { _, this, args in
            let name = args.positional[0].stringValue ?? ""
            if let m = module(this) {
                if let p = m.parameter(named: name) { return TorchValues.box(p) }
                if let c = m.child(named: name) { return c.map(box) ?? .none }
                if let buf = m.buffer(named: name) { return TorchValues.box(buf) }
                if name == "training" { return .bool(m.training) }
            }
            throw PyError(.attributeError, "'\(this.typeName)' object has no attribute '\(name)'")
        }
        b.method("__delattr__") { interp, this, args in
            let name = args.positional[0].stringValue ?? ""
            if let m = module(this), m.parameter(named: name) != nil || m.child(named: name) != nil || m.buffer(named: name) != nil {
                m.removeSlot(named: name)
                return .none
            }
            guard let inst = this.instance, inst.attributes.remove(Symbol.intern(name)) != nil else {
                throw PyError(.attributeError, "'\(this.typeName)' object has no attribute '\(name)'")
            }
            _ = interp
            return .none
        }
        b.method("__call__") { interp, this, args in try interp.callMethod(this, Symbol.forward, args) }
        b.method("forward") { _, this, _ in
            throw PyError(.notImplementedError, "Module [\(this.typeName)] is missing the required \"forward\" function")
        }
        b.method("__repr__") { _, this, _ in .string(try requireModule(this).repr()) }
        b.method("extra_repr") { _, this, _ in
            guard let m = module(this), !(m is PythonModule) else { return .string("") }
            return .string(m.extraRepr)
        }
        let parametersSignature = NativeSignature("parameters", .init("recurse", default: .bool(true)))
        b.method("parameters") { interp, this, args in
            let recurse = try parametersSignature.bind(args).bool("recurse")
            let m = try requireModule(this)
            let ps = recurse ? m.parameters() : m.parameterSlots.compactMap(\.tensor)
            return try iterator(interp, ps.map(TorchValues.box))
        }
        b.method("named_parameters") { interp, this, args in
            let a = try NativeSignature("named_parameters", .init("prefix", default: .string("")), .init("recurse", default: .bool(true))).bind(args)
            let prefix = try a.string("prefix")
            let m = try requireModule(this)
            let named = try a.bool("recurse") ? m.namedParameters() : m.parameterSlots.compactMap { s in s.tensor.map { (s.name, $0) } }
            return try iterator(interp, named.map { .tuple([.string(prefix.isEmpty ? $0.0 : prefix + "." + $0.0), TorchValues.box($0.1)]) })
        }
        b.method("buffers") { interp, this, _ in try iterator(interp, try requireModule(this).namedBuffers().map { TorchValues.box($0.1) }) }
        b.method("named_buffers") { interp, this, _ in
            try iterator(interp, try requireModule(this).namedBuffers().map { .tuple([.string($0.0), TorchValues.box($0.1)]) })
        }
        b.method("children") { interp, this, _ in try iterator(interp, try requireModule(this).children().map(box)) }
        b.method("named_children") { interp, this, _ in
            try iterator(interp, try requireModule(this).namedChildren().map { .tuple([.string($0.0), box($0.1)]) })
        }
        b.method("modules") { interp, this, _ in try iterator(interp, try requireModule(this).modules().map(box)) }
        b.method("named_modules") { interp, this, _ in
            try iterator(interp, try requireModule(this).namedModules().map { .tuple([.string($0.0), box($0.1)]) })
        }
        let zeroGradSignature = NativeSignature("zero_grad", .init("set_to_none", default: .bool(true)))
        b.method("zero_grad") { interp, this, args in
            let a = try zeroGradSignature.bind(args)
            try requireModule(this).zeroGrad(setToNone: try interp.isTruthy(a["set_to_none"]))
            return .none
        }
        let trainSignature = NativeSignature("train", .init("mode", default: .bool(true)))
        b.method("train") { interp, this, args in
            let a = try trainSignature.bind(args)
            try requireModule(this).train(try interp.isTruthy(a["mode"]))
            return this
        }
        b.method("eval") { _, this, _ in try requireModule(this).eval(); return this }
        b.method("requires_grad_") { interp, this, args in
            let a = try NativeSignature("requires_grad_", .init("requires_grad", default: .bool(true))).bind(args)
            try requireModule(this).requiresGrad(try interp.isTruthy(a["requires_grad"]))
            return this
        }
        b.method("apply") { interp, this, args in
            let f = args.positional.first ?? .none
            for m in try requireModule(this).applyOrder() { _ = try interp.call(f, Arguments([box(m)])) }
            return this
        }
        b.method("state_dict") { _, this, _ in
            OrderedDictBinding.make(try requireModule(this).stateDict().map { (.string($0.0), TorchValues.box($0.1)) })
        }
        b.method("load_state_dict") { interp, this, args in
            let a = try NativeSignature("load_state_dict", "state_dict", .init("strict", default: .bool(true))).bind(args)
            let entries = try OrderedDictBinding.pairs(interp, a["state_dict"]).map { (k, v) -> (String, Tensor) in
                (try interp.str(k), try TorchValues.requireTensor(v, "load_state_dict"))
            }
            let r = try requireModule(this).loadStateDict(entries, strict: a.bool("strict"))
            return IncompatibleKeys.make(missing: r.missingKeys, unexpected: r.unexpectedKeys)
        }
        b.method("register_buffer") { _, this, args in
            let a = try NativeSignature("register_buffer", "name", "tensor", .init("persistent", default: .bool(true))).bind(args)
            try requireModule(this).register(buffer: try a.optionalTensor("tensor"), named: try a.string("name"))
            return .none
        }
        b.method("register_parameter") { _, this, args in
            let a = try NativeSignature("register_parameter", "name", "param").bind(args)
            try requireModule(this).register(parameter: try a.optionalTensor("param"), named: try a.string("name"))
            return .none
        }
        b.method("add_module") { _, this, args in
            let a = try NativeSignature("add_module", "name", "module").bind(args)
            try requireModule(this).register(module: module(a["module"]), named: try a.string("name"))
            return .none
        }
        b.method("register_module") { _, this, args in
            let a = try NativeSignature("register_module", "name", "module").bind(args)
            try requireModule(this).register(module: module(a["module"]), named: try a.string("name"))
            return .none
        }
        b.method("get_parameter") { _, this, args in
            let name = args.positional.first?.stringValue ?? ""
            guard let p = try requireModule(this).namedParameters().first(where: { $0.0 == name }) else {
                throw PyError(.attributeError, "\(this.typeName) has no parameter `\(name)`")
            }
            return TorchValues.box(p.1)
        }
        for name in ["to", "cpu", "cuda", "float", "double", "type"] {
            b.method(name) { _, this, args in
                if name == "double" || (args.positional.first?.payload(DTypeBox.self)?.dtype == .float64) {
                    for p in try requireModule(this).parameters() where p.dtype != .float64 {
                        throw PyError(.notImplementedError, "Litgrad modules keep float32 parameters; converting a module to float64 is not supported")
                    }
                }
                return this
            }
        }
        b.property("training", get: { _, this in .bool(try requireModule(this).training) }, set: { interp, this, v in
            let m = try requireModule(this)
            if try interp.isTruthy(v) { m.train() } else {
                m.train(false)
            }
        })
        return b.build()
    }()

    /// PyTorch's `Module.__setattr__`.
    static func setAttribute(_ interp: Interpreter, _ inst: PyInstance, _ name: String, _ value: Value) throws {
        let symbol = Symbol.intern(name)
        guard let m = inst.payload as? Module else {
            if TorchValues.tensor(value)?.isParameter == true {
                throw PyError(.attributeError, "cannot assign parameters before Module.__init__() call")
            }
            if module(value) != nil { throw PyError(.attributeError, "cannot assign module before Module.__init__() call") }
            try interp.genericSetAttribute(inst, symbol, value)
            return
        }
        if let t = TorchValues.tensor(value), t.isParameter {
            _ = inst.attributes.remove(symbol)
            m.register(parameter: t, named: name)
        } else if let child = module(value) {
            _ = inst.attributes.remove(symbol)
            m.register(module: child, named: name)
        } else if m.parameter(named: name) != nil {
            guard value.isNone else {
                let what = TorchValues.tensor(value).map { $0.dtype.legacyTypeName } ?? value.typeName
                throw PyError(.typeError, "cannot assign '\(what)' as parameter '\(name)' (torch.nn.Parameter or None expected)")
            }
            m.register(parameter: nil, named: name)
        } else if m.child(named: name) != nil {
            guard value.isNone else {
                throw PyError(.typeError, "cannot assign '\(value.typeName)' as child module '\(name)' (torch.nn.Module or None expected)")
            }
            m.register(module: nil, named: name)
        } else if m.buffer(named: name) != nil {
            guard value.isNone || TorchValues.tensor(value) != nil else {
                throw PyError(.typeError, "cannot assign '\(value.typeName)' as buffer '\(name)' (torch.Tensor or None expected)")
            }
            m.register(buffer: TorchValues.tensor(value), named: name)
        } else if name == "training", case .bool(let b) = value {
            m.train(b)
        } else {
            try interp.genericSetAttribute(inst, symbol, value)
        }
    }
}

/// `load_state_dict`'s result: `<All keys matched successfully>` or the named tuple.
enum IncompatibleKeys {
    static let type: PyType = NativeClassBuilder("_IncompatibleKeys", module: "torch.nn.modules.module", instantiable: false)
        .method("__repr__") { interp, this, _ in
            guard let p = this.payload(Box.self) else { return .string("") }
            if p.missing.isEmpty && p.unexpected.isEmpty { return .string("<All keys matched successfully>") }
            return .string("_IncompatibleKeys(missing_keys=\(try interp.repr(.list(p.missing.map { .string($0) }))), unexpected_keys=\(try interp.repr(.list(p.unexpected.map { .string($0) }))))")
        }
        .build()

    final class Box {
        let missing: [String], unexpected: [String]
        init(_ m: [String], _ u: [String]) { missing = m; unexpected = u }
    }

    static func make(missing: [String], unexpected: [String]) -> Value {
        .object(PyInstance(cls: type, payload: Box(missing, unexpected)))
    }
}
