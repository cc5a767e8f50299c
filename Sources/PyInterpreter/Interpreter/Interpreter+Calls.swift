import Autograd
/// A method found on a value's type, not yet bound (saves allocating a bound method per call).
enum MethodLookup {
    /// Call with the receiver as first argument (through `callDescriptor`).
    case unbound(Value)
    /// An ordinary attribute value; call it as is.
    case value(Value)
}

extension Interpreter {
    /// Calls any Python callable (function, bound method, class, instance with `__call__`, native function).
    public func call(_ callee: Value, _ args: Arguments) throws -> Value {
        guard case .object(let o) = callee else {
            throw PyError(.typeError, "'\(callee.typeName)' object is not callable")
        }
        if let fn = o as? PyFunction { return try callFunction(fn, args) }
        if let native = o as? PyNativeFunction { return try callNative(native, args) }
        if let inst = o as? PyInstance {
            if let callAttr = inst.cls.lookup(.dunderCall) { return try callDescriptor(callAttr, callee, args) }
        } else if let bound = o as? PyBoundMethod {
            return try callDescriptor(bound.function, bound.receiver, args)
        } else if let type = o as? PyType {
            return try callType(type, args)
        }
        throw PyError(.typeError, "'\(callee.typeName)' object is not callable")
    }

    /// Calls `obj.name(*args)`.
    public func callMethod(_ obj: Value, _ name: String, _ args: Arguments = .empty) throws -> Value {
        try callMethod(obj, Symbol.intern(name), args)
    }

    /// Calls `obj.name(*args)` with an interned name (hot paths intern once).
    public func callMethod(_ obj: Value, _ name: Symbol, _ args: Arguments = .empty) throws -> Value {
        switch try lookupMethod(obj, name) {
        case .unbound(let f): return try callDescriptor(f, obj, args)
        case .value(let v): return try call(v, args)
        }
    }

    /// Calls `attr`, found on the type of `receiver`, as a method of `receiver`.
    func callDescriptor(_ attr: Value, _ receiver: Value, _ args: Arguments) throws -> Value {
        if case .object(let o) = attr {
            if let fn = o as? PyFunction { return try callFunction(fn, args, receiver: receiver) }
            if let native = o as? PyNativeFunction {
                switch native.body {
                case .method(let body): return try runNative { try body(self, receiver, args) }
                case .function(let body): return try runNative { try body(self, args) }
                }
            }
            if let sm = o as? PyStaticMethod { return try call(sm.function, args) }
            if let cm = o as? PyClassMethod {
                let cls: Value
                if case .object(let r) = receiver, r is PyType { cls = receiver } else { cls = .object(receiver.pyType) }
                return try callDescriptor(cm.function, cls, args)
            }
            if o is PyProperty || o is NativeProperty {
                return try call(try bindAttribute(attr, receiver), args)
            }
        }
        return try call(attr, args)
    }

    /// Calls a binary special method found on the type of `receiver` with `other`:
    /// native binary methods directly, anything else through `callDescriptor`.
    func callBinary(_ attr: Value, _ receiver: Value, _ other: Value) throws -> Value {
        if case .object(let o) = attr, let native = o as? PyNativeFunction, let body = native.binaryBody {
            return try runNative { try body(self, receiver, other) }
        }
        return try callDescriptor(attr, receiver, Arguments([other]))
    }

    @inline(__always)
    func runNative(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let e as PyError {
            throw e
        } catch let e as TorchError {
            // Engine errors carry PyTorch's exception class and wording.
            throw PyError(type: e.type, message: e.message)
        } catch {
            throw PyError(.runtimeError, String(describing: error))
        }
    }

    func callNative(_ native: PyNativeFunction, _ args: Arguments) throws -> Value {
        switch native.body {
        case .function(let body):
            return try runNative { try body(self, args) }
        case .method(let body):
            guard let receiver = args.positional.first else {
                throw PyError(.typeError, "unbound method \(native.qualifiedName)() needs an argument")
            }
            if let owner = native.ownerType, !receiver.pyType.isSubtype(of: owner) {
                throw PyError(.typeError, "descriptor '\(native.name)' for '\(owner.name)' objects doesn't apply to a '\(receiver.typeName)' object")
            }
            var rest = args
            rest.positional.removeFirst()
            return try runNative { try body(self, receiver, rest) }
        }
    }

    /// Runs a Python function: binds arguments into a fresh frame and executes the body.
    /// `receiver`, when given, is the first argument (a method's `self`), bound without copying the arguments.
    func callFunction(_ fn: PyFunction, _ args: Arguments, receiver: Value? = nil) throws -> Value {
        let code = fn.code
        var locals = [Value?](repeating: nil, count: code.scope.localCount)
        let shift = receiver == nil ? 0 : 1
        if code.isSimple && args.keywords.isEmpty && args.positional.count + shift == code.parameters.count {
            if let r = receiver { locals[0] = r }
            for i in 0..<args.positional.count { locals[i + shift] = args.positional[i] }
        } else if let r = receiver {
            try bindArguments(fn, args.prepending(r), &locals)
        } else {
            try bindArguments(fn, args, &locals)
        }
        var cells: [PyCell]
        let cellCount = code.scope.cellCount
        if cellCount == 0 && fn.closure.isEmpty {
            cells = []
        } else {
            cells = []
            cells.reserveCapacity(cellCount + fn.closure.count)
            for _ in 0..<cellCount { cells.append(PyCell()) }
            cells.append(contentsOf: fn.closure)
            for (local, cell) in code.scope.capturedParameters { cells[cell].value = locals[local] }
        }
        let frame = Frame(locals: locals, cells: cells, unit: code.unit ?? self.frame?.unit ?? SourceUnit(fileName: fileName, code: "", firstLine: 1, indent: 0), name: code.name, function: fn)
        if code.isGenerator { return .object(FunctionGenerator(self, code: code, frame: frame)) }
        try enterCall()
        try tick()
        let previous = self.frame
        self.frame = frame
        defer {
            self.frame = previous
            exitCall()
        }
        do {
            if case .returned(let v) = try exec(code.body, frame) { return v }
            return .none
        } catch let e as PyError {
            let s = e.state
            s.traceback.append(TraceEntry(unit: frame.unit, function: code.name, span: s.pendingSpan ?? frame.currentSpan))
            s.pendingSpan = nil
            throw e
        }
    }

    private func bindArguments(_ fn: PyFunction, _ args: Arguments, _ locals: inout [Value?]) throws {
        let code = fn.code
        let params = code.parameters
        let name = fn.qualifiedName
        let nPositional = code.positionalCount
        let given = args.positional.count
        for i in 0..<min(given, nPositional) { locals[i] = args.positional[i] }
        if given > nPositional {
            if let vi = code.varPositionalIndex {
                locals[vi] = .tuple(Array(args.positional[nPositional...]))
            } else {
                let keywordOnlyGiven = args.keywords.filter { kw in code.keywordOnlyIndices.contains { code.parameterSymbols[$0] === kw.name } }.count
                throw PyError(.typeError, ArgumentErrors.tooManyPositional(name, required: nPositional - fn.defaults.count, max: nPositional, given: given, keywordOnlyGiven: keywordOnlyGiven))
            }
        } else if let vi = code.varPositionalIndex {
            locals[vi] = .tuple([])
        }
        var extraKeywords: PyDict? = code.varKeywordIndex != nil ? PyDict() : nil
        for (kwName, value) in args.keywords {
            var matched = false
            for (i, sym) in code.parameterSymbols.enumerated() where sym === kwName {
                let kind = params[i].kind
                if kind == .positional || kind == .keywordOnly {
                    if locals[i] != nil {
                        throw PyError(.typeError, "\(name)() got multiple values for argument '\(kwName.name)'")
                    }
                    locals[i] = value
                    matched = true
                }
                break
            }
            if !matched {
                guard let d = extraKeywords else {
                    throw PyError(.typeError, "\(name)() got an unexpected keyword argument '\(kwName.name)'")
                }
                d.set(.string(kwName.name), hash: .str(kwName.name), value)
            }
        }
        let firstDefault = nPositional - fn.defaults.count
        var missing: [String] = []
        for i in 0..<nPositional where locals[i] == nil {
            if i >= firstDefault { locals[i] = fn.defaults[i - firstDefault] } else { missing.append(params[i].name) }
        }
        if !missing.isEmpty { throw PyError(.typeError, ArgumentErrors.missing(name, missing, kind: "positional")) }
        var missingKeywords: [String] = []
        for i in code.keywordOnlyIndices where locals[i] == nil {
            if let d = fn.keywordDefaults[i] { locals[i] = d } else { missingKeywords.append(params[i].name) }
        }
        if !missingKeywords.isEmpty { throw PyError(.typeError, ArgumentErrors.missing(name, missingKeywords, kind: "keyword-only")) }
        if let ki = code.varKeywordIndex {
            locals[ki] = .object(extraKeywords ?? PyDict())
            extraKeywords = nil
        }
    }

    /// Calling a class: builtin constructor, or allocate + `__init__`.
    public func callType(_ cls: PyType, _ args: Arguments) throws -> Value {
        switch cls.factory {
        case .builtin(let constructor):
            return try runNative { try constructor(self, cls, args) }
        case .none:
            throw PyError(.typeError, "cannot create '\(cls.fullName)' instances")
        case .instance:
            let inst = cls.effectiveAllocator?(cls, args) ?? PyInstance(cls: cls)
            let value = Value.object(inst)
            if let initializer = cls.lookup(.dunderInit), !initializer.isIdentical(to: PyType.objectInit) {
                let result = try callDescriptor(initializer, value, args)
                if !result.isNone {
                    throw PyError(.typeError, "__init__() should return None, not '\(result.typeName)'")
                }
            } else if !args.isEmpty {
                throw PyError(.typeError, "\(cls.name)() takes no arguments")
            }
            return value
        }
    }

    /// Finds `obj.name` for a call, leaving methods unbound.
    func lookupMethod(_ obj: Value, _ name: Symbol) throws -> MethodLookup {
        switch obj {
        case .object(let o):
            if let inst = o as? PyInstance {
                if let attr = inst.cls.lookup(name), case .object(let a) = attr, a is PyFunction || a is PyNativeFunction {
                    if inst.attributes[name] == nil { return .unbound(attr) }
                }
                return .value(try getAttribute(obj, name))
            }
            if o is PyType || o is PyModule || o is PySuper || o is PyFunction {
                return .value(try getAttribute(obj, name))
            }
            if let attr = o.pyType.lookup(name), case .object(let a) = attr, a is PyNativeFunction {
                return .unbound(attr)
            }
        default:
            if let attr = obj.pyType.lookup(name), case .object(let a) = attr, a is PyNativeFunction {
                return .unbound(attr)
            }
        }
        return .value(try getAttribute(obj, name))
    }

    // MARK: - Classes

    func makeClass(_ def: ClassDef, _ f: Frame) throws -> PyType {
        var bases: [PyType] = []
        for b in def.bases {
            switch b {
            case .positional(let e):
                let v = try eval(e, f)
                guard case .object(let o) = v, let t = o as? PyType else {
                    throw PyError(.typeError, "bases must be types").located(e.span)
                }
                if case .builtin = t.factory, t !== PyType.object {
                    throw PyError(.typeError, "type '\(t.name)' is not an acceptable base type").located(e.span)
                }
                bases.append(t)
            case .keyword(let k, let e):
                throw PyError(.typeError, "class keyword argument '\(k.name)' is not supported").located(e.span)
            case .starred(let e), .doubleStarred(let e):
                throw PyError(.typeError, "unpacking in class bases is not supported").located(e.span)
            }
        }
        if bases.isEmpty { bases = [PyType.object] }
        guard PyType.linearize(bases) != nil else {
            throw PyError(.typeError, "Cannot create a consistent method resolution order (MRO) for bases \(bases.map { $0.name }.joined(separator: ", "))").located(def.span)
        }
        let namespace = ClassNamespace()
        namespace.table.set(.dunderModule, .string("__main__"))
        namespace.table.set(.dunderQualname, .string(def.qualifiedName))
        let classFrame = Frame(locals: [], cells: f.cells, unit: f.unit, name: def.name, namespace: namespace)
        let previous = frame
        frame = classFrame
        defer { frame = previous }
        do {
            _ = try exec(def.body, classFrame)
        } catch let e as PyError {
            let s = e.state
            s.traceback.append(TraceEntry(unit: classFrame.unit, function: def.name, span: s.pendingSpan ?? classFrame.currentSpan))
            s.pendingSpan = nil
            throw e
        }
        let cls = PyType(name: def.name, qualifiedName: def.qualifiedName, module: "__main__", bases: bases, immutable: false, factory: .instance)
        for (k, v) in namespace.table.entries { cls.setAttribute(k, v) }
        if namespace.table[.dunderEq] != nil && namespace.table[.dunderHash] == nil {
            cls.setAttribute(.dunderHash, .none)
        }
        for (_, v) in namespace.table.entries { adoptMethod(v, cls) }
        return cls
    }

    /// Records the defining class on functions (zero-argument `super()`).
    private func adoptMethod(_ v: Value, _ cls: PyType) {
        guard case .object(let o) = v else { return }
        if let fn = o as? PyFunction { fn.ownerClass = cls }
        else if let sm = o as? PyStaticMethod { adoptMethod(sm.function, cls) }
        else if let cm = o as? PyClassMethod { adoptMethod(cm.function, cls) }
        else if let p = o as? PyProperty {
            adoptMethod(p.getter, cls)
            adoptMethod(p.setter, cls)
            adoptMethod(p.deleter, cls)
        }
    }
}
