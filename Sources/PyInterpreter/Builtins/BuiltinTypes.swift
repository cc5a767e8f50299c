import Foundation

/// The builtin classes. They are process-wide and immutable (user code cannot
/// set attributes on them), so every session shares them.
extension PyType {
    /// Adds a native method (`self` is the receiver).
    func method(_ name: String, _ body: @escaping NativeMethodBody) {
        setAttribute(Symbol.intern(name), .object(PyNativeFunction(method: name, owner: self, body)))
    }

    public static let object: PyType = {
        let t = PyType(name: "object", module: "builtins", bases: [], immutable: true, factory: .instance)
        t.method("__init__") { _, _, _ in .none }
        t.method("__setattr__") { interp, this, args in
            guard args.positional.count == 2, case .str(let name) = args.positional[0], let inst = this.instance else {
                throw PyError(.typeError, "expected 2 arguments: name and value")
            }
            try interp.genericSetAttribute(inst, Symbol.intern(name.value), args.positional[1])
            return .none
        }
        t.method("__delattr__") { interp, this, args in
            guard args.positional.count == 1, case .str(let name) = args.positional[0], let inst = this.instance else {
                throw PyError(.typeError, "expected 1 argument: name")
            }
            try interp.genericDeleteAttribute(inst, Symbol.intern(name.value))
            return .none
        }
        t.method("__getattribute__") { interp, this, args in
            guard args.positional.count == 1, case .str(let name) = args.positional[0] else {
                throw PyError(.typeError, "expected 1 argument: name")
            }
            return try interp.getAttribute(this, Symbol.intern(name.value))
        }
        t.method("__repr__") { interp, this, _ in
            .string("<\(this.pyType.fullName) object at \(interp.address(this.object ?? t))>")
        }
        t.method("__str__") { interp, this, _ in .string(try interp.repr(this)) }
        t.method("__format__") { interp, this, args in
            if case .str(let s) = args.positional.first, !s.value.isEmpty {
                throw PyError(.typeError, "unsupported format string passed to \(this.typeName).__format__")
            }
            return .string(try interp.str(this))
        }
        t.method("__eq__") { _, this, args in
            guard let other = args.positional.first else { return .notImplemented }
            return this.isIdentical(to: other) ? .bool(true) : .notImplemented
        }
        t.method("__ne__") { interp, this, args in
            guard let other = args.positional.first else { return .notImplemented }
            let eq = try interp.richCompare(.equal, this, other)
            return .bool(try !interp.isTruthy(eq))
        }
        t.method("__hash__") { interp, this, _ in .int(try interp.pythonHash(this)) }
        return t
    }()

    static let objectInit: Value = object.dict[.dunderInit] ?? .none
    static let objectSetattr: Value = object.dict[.dunderSetattr] ?? .none
    static let objectDelattr: Value = object.dict[.dunderDelattr] ?? .none
    static let objectRepr: Value = object.dict[.dunderRepr] ?? .none
    static let objectStr: Value = object.dict[.dunderStr] ?? .none
    static let objectFormat: Value = object.dict[.dunderFormat] ?? .none

    public static let typeType: PyType = {
        let t = PyType(builtin: "type", base: .object, factory: .builtin({ _, _, args in
            if args.positional.count == 1 && args.keywords.isEmpty { return .object(args.positional[0].pyType) }
            if args.positional.count == 3 { throw PyError(.notImplementedError, "type() with 3 arguments is not supported") }
            throw PyError(.typeError, "type() takes 1 or 3 arguments")
        }))
        t.method("mro") { _, this, _ in
            guard case .object(let o) = this, let cls = o as? PyType else { return .list([]) }
            return .list(cls.mro.map { .object($0) })
        }
        return t
    }()

    public static let noneType = PyType(builtin: "NoneType", base: .object)
    static let notImplementedType = PyType(builtin: "NotImplementedType", base: .object)
    static let ellipsisType = PyType(builtin: "ellipsis", base: .object)
    public static let function = PyType(builtin: "function", base: .object)
    public static let builtinFunction = PyType(builtin: "builtin_function_or_method", base: .object)
    static let methodDescriptor = PyType(builtin: "method_descriptor", base: .object)
    public static let method = PyType(builtin: "method", base: .object)
    public static let module = PyType(builtin: "module", base: .object)
    static let getSetDescriptor = PyType(builtin: "getset_descriptor", base: .object)

    public static let property: PyType = {
        let t = PyType(builtin: "property", base: .object, factory: .builtin({ _, _, args in
            let sig = NativeSignature("property", .init("fget", default: .none), .init("fset", default: .none), .init("fdel", default: .none), .init("doc", default: .none))
            let a = try sig.bind(args)
            return .object(PyProperty(getter: a["fget"], setter: a["fset"], deleter: a["fdel"]))
        }))
        t.method("setter") { _, this, args in
            guard case .object(let o) = this, let p = o as? PyProperty, let f = args.positional.first else { return this }
            return .object(PyProperty(getter: p.getter, setter: f, deleter: p.deleter))
        }
        t.method("getter") { _, this, args in
            guard case .object(let o) = this, let p = o as? PyProperty, let f = args.positional.first else { return this }
            return .object(PyProperty(getter: f, setter: p.setter, deleter: p.deleter))
        }
        t.method("deleter") { _, this, args in
            guard case .object(let o) = this, let p = o as? PyProperty, let f = args.positional.first else { return this }
            return .object(PyProperty(getter: p.getter, setter: p.setter, deleter: f))
        }
        return t
    }()

    public static let staticMethod = PyType(builtin: "staticmethod", base: .object, factory: .builtin({ _, _, args in
        guard args.positional.count == 1 else { throw PyError(.typeError, "staticmethod expected 1 argument, got \(args.positional.count)") }
        return .object(PyStaticMethod(args.positional[0]))
    }))

    public static let classMethod = PyType(builtin: "classmethod", base: .object, factory: .builtin({ _, _, args in
        guard args.positional.count == 1 else { throw PyError(.typeError, "classmethod expected 1 argument, got \(args.positional.count)") }
        return .object(PyClassMethod(args.positional[0]))
    }))

    public static let superType = PyType(builtin: "super", base: .object, factory: .builtin({ interp, _, args in
        try interp.makeSuper(args)
    }))

    public static let slice: PyType = {
        let t = PyType(builtin: "slice", base: .object, factory: .builtin({ _, _, args in
            let p = args.positional
            switch p.count {
            case 1: return .object(PySlice(start: .none, stop: p[0], step: .none))
            case 2: return .object(PySlice(start: p[0], stop: p[1], step: .none))
            case 3: return .object(PySlice(start: p[0], stop: p[1], step: p[2]))
            case 0: throw PyError(.typeError, "slice expected at least 1 argument, got 0")
            default: throw PyError(.typeError, "slice expected at most 3 arguments, got \(p.count)")
            }
        }))
        t.method("indices") { interp, this, args in
            guard case .object(let o) = this, let s = o as? PySlice else { return .none }
            let length = try interp.indexValue(try args.exactly(1, "indices")[0])
            if length < 0 { throw PyError(.valueError, "length should not be negative") }
            let r = try s.resolve(length: length, interp)
            return .tuple([.int(r.start), .int(r.stop), .int(r.step)])
        }
        return t
    }()

    static let dictKeys = PyType(builtin: "dict_keys", base: .object)
    static let dictValues = PyType(builtin: "dict_values", base: .object)
    static let dictItems = PyType(builtin: "dict_items", base: .object)

    private static let iteratorTypesLock = NSLock()
    nonisolated(unsafe) private static var iteratorTypes: [String: PyType] = [:]

    /// The (shared) type of Swift iterators named `name` (`list_iterator`, `enumerate`, …).
    static func iteratorType(named name: String) -> PyType {
        switch name {
        case "enumerate": return enumerateType
        case "zip": return zipType
        case "map": return mapType
        case "filter": return filterType
        case "list_reverseiterator": return reversedType
        default: break
        }
        iteratorTypesLock.lock()
        defer { iteratorTypesLock.unlock() }
        if let t = iteratorTypes[name] { return t }
        let t = PyType(builtin: name, base: .object)
        installIteratorMethods(t)
        iteratorTypes[name] = t
        return t
    }

    static func installIteratorMethods(_ t: PyType) {
        t.method("__iter__") { _, this, _ in this }
        t.method("__next__") { interp, this, _ in
            guard case .object(let o) = this, let it = o as? PyIterator else { throw PyError(.typeError, "not an iterator") }
            guard let v = try it.next(interp) else { throw PyError(.stopIteration, "") }
            return v
        }
    }
}
