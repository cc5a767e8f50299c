extension Interpreter {
    /// `obj.name`, following Python's rules: data descriptors on the type, then
    /// the instance's own attributes, then methods and class attributes, then `__getattr__`.
    public func getAttribute(_ obj: Value, _ name: Symbol) throws -> Value {
        if case .object(let o) = obj {
            if let inst = o as? PyInstance { return try instanceAttribute(inst, obj, name) }
            if let t = o as? PyType { return try typeAttribute(t, name) }
            if let m = o as? PyModule {
                if let v = m.attributes[name] { return v }
                if name === Symbol.dunderName { return .string(m.name) }
                if name === Symbol.dunderDict { return .object(dictFromTable(m.attributes)) }
                if let getattr = m.attributes[.dunderGetattr] {
                    return try call(getattr, Arguments([.string(name.name)]))
                }
                throw PyError(.attributeError, "module '\(m.name)' has no attribute '\(name.name)'")
            }
            if let s = o as? PySuper { return try superAttribute(s, name) }
            if let fn = o as? PyFunction {
                if let v = fn.attributes[name] { return v }
                switch name.name {
                case "__name__": return .string(fn.name)
                case "__qualname__": return .string(fn.qualifiedName)
                case "__module__": return .string("__main__")
                case "__doc__": return .none
                case "__defaults__": return fn.defaults.isEmpty ? .none : .tuple(fn.defaults)
                case "__dict__": return .object(dictFromTable(fn.attributes))
                default: break
                }
            }
            if let native = o as? PyNativeFunction {
                if name.name == "__name__" { return .string(native.name) }
                if name.name == "__qualname__" { return .string(native.qualifiedName) }
            }
            if let bound = o as? PyBoundMethod {
                if name.name == "__self__" { return bound.receiver }
                if name.name == "__func__" { return bound.function }
                if name.name == "__name__" { return try getAttribute(bound.function, name) }
            }
            if let e = o as? PyProperty {
                switch name.name {
                case "fget": return e.getter
                case "fset": return e.setter
                case "fdel": return e.deleter
                default: break
                }
            }
        }
        if name === Symbol.dunderClass { return .object(obj.pyType) }
        let type = obj.pyType
        if let attr = type.lookup(name) { return try bindAttribute(attr, obj) }
        if let special = try builtinValueAttribute(obj, name) { return special }
        throw PyError(.attributeError, "'\(type.name)' object has no attribute '\(name.name)'")
    }

    /// Attributes of int/float/complex-like builtins that are data, not methods.
    private func builtinValueAttribute(_ obj: Value, _ name: Symbol) throws -> Value? {
        switch (obj, name.name) {
        case (.int, "real"), (.bool, "real"): return obj
        case (.int, "imag"), (.bool, "imag"): return .int(0)
        case (.int, "numerator"): return obj
        case (.int, "denominator"): return .int(1)
        case (.float, "real"): return obj
        case (.float, "imag"): return .float(0)
        case (.object(let o), "real") where o is PyBigInt: return obj
        case (.object(let o), "start"):
            if let r = o as? PyRange { return .int(r.start) }
            if let s = o as? PySlice { return s.start }
        case (.object(let o), "stop"):
            if let r = o as? PyRange { return .int(r.stop) }
            if let s = o as? PySlice { return s.stop }
        case (.object(let o), "step"):
            if let r = o as? PyRange { return .int(r.step) }
            if let s = o as? PySlice { return s.step }
        case (.object(let o), "args"):
            if let inst = o as? PyInstance, inst.cls.isExceptionType { return .tuple(PyError(exception: inst).state.args) }
        default: break
        }
        return nil
    }

    private func instanceAttribute(_ inst: PyInstance, _ obj: Value, _ name: Symbol) throws -> Value {
        let cls = inst.cls
        let attr = cls.lookup(name)
        if let attr = attr, case .object(let a) = attr, a is PyProperty || a is NativeProperty {
            return try bindAttribute(attr, obj)
        }
        if let v = inst.attributes[name] { return v }
        if let attr = attr { return try bindAttribute(attr, obj) }
        if name === Symbol.dunderClass { return .object(cls) }
        if name === Symbol.dunderDict { return .object(dictFromTable(inst.attributes)) }
        if cls.isExceptionType {
            let state = PyError(exception: inst).state
            switch name.name {
            case "args": return .tuple(state.args)
            case "__cause__": return state.cause
            case "__context__": return state.context
            case "__traceback__": return .none
            default: break
            }
        }
        if let getattr = cls.lookup(.dunderGetattr) {
            return try callDescriptor(getattr, obj, Arguments([.string(name.name)]))
        }
        throw PyError(.attributeError, "'\(cls.name)' object has no attribute '\(name.name)'")
    }

    private func typeAttribute(_ t: PyType, _ name: Symbol) throws -> Value {
        if let attr = t.lookup(name) {
            if case .object(let a) = attr {
                if let cm = a as? PyClassMethod { return .object(PyBoundMethod(function: cm.function, receiver: .object(t))) }
                if let sm = a as? PyStaticMethod { return sm.function }
            }
            return attr
        }
        switch name.name {
        case "__name__": return .string(t.name)
        case "__qualname__": return .string(t.qualifiedName)
        case "__module__": return .string(t.module)
        case "__bases__": return .tuple(t.bases.map { .object($0) })
        case "__base__": return t.bases.first.map { .object($0) } ?? .none
        case "__mro__": return .tuple(t.mro.map { .object($0) })
        case "__dict__": return .object(dictFromTable(t.dict))
        case "__doc__": return .none
        case "__class__": return .object(PyType.typeType)
        default: break
        }
        if let attr = PyType.typeType.lookup(name) { return try bindAttribute(attr, .object(t)) }
        throw PyError(.attributeError, "type object '\(t.name)' has no attribute '\(name.name)'")
    }

    /// Binds a class attribute to `receiver` (functions become bound methods, properties are read).
    func bindAttribute(_ attr: Value, _ receiver: Value) throws -> Value {
        guard case .object(let a) = attr else { return attr }
        if a is PyFunction { return .object(PyBoundMethod(function: attr, receiver: receiver)) }
        if let native = a as? PyNativeFunction {
            if case .method = native.body { return .object(PyBoundMethod(function: attr, receiver: receiver)) }
            return attr
        }
        if let p = a as? PyProperty {
            if p.getter.isNone { throw PyError(.attributeError, "property object has no getter") }
            return try call(p.getter, Arguments([receiver]))
        }
        if let p = a as? NativeProperty { return try runNative { try p.getter(self, receiver) } }
        if let sm = a as? PyStaticMethod { return sm.function }
        if let cm = a as? PyClassMethod {
            let cls: Value
            if case .object(let r) = receiver, r is PyType { cls = receiver } else { cls = .object(receiver.pyType) }
            return .object(PyBoundMethod(function: cm.function, receiver: cls))
        }
        return attr
    }

    private func superAttribute(_ s: PySuper, _ name: Symbol) throws -> Value {
        let mro = s.receiverType.mro
        guard let startIndex = mro.firstIndex(where: { $0 === s.start }) else {
            throw PyError(.typeError, "super(type, obj): obj must be an instance or subtype of type")
        }
        for t in mro[(startIndex + 1)...] {
            if let attr = t.dict[name] {
                if case .object(let o) = s.receiver, o is PyType {
                    if case .object(let a) = attr, let cm = a as? PyClassMethod {
                        return .object(PyBoundMethod(function: cm.function, receiver: s.receiver))
                    }
                    if case .object(let a) = attr, let sm = a as? PyStaticMethod { return sm.function }
                    return attr
                }
                return try bindAttribute(attr, s.receiver)
            }
        }
        if name === Symbol.dunderClass { return .object(PyType.superType) }
        throw PyError(.attributeError, "'super' object has no attribute '\(name.name)'")
    }

    // MARK: - Setting and deleting

    /// `obj.name = value`, through a `__setattr__` hook when the class defines one.
    public func setAttribute(_ obj: Value, _ name: Symbol, _ value: Value) throws {
        guard case .object(let o) = obj else {
            throw noAttributeToSet(obj, name)
        }
        if let inst = o as? PyInstance {
            if let hook = inst.cls.lookup(.dunderSetattr), !hook.isIdentical(to: PyType.objectSetattr) {
                _ = try callDescriptor(hook, obj, Arguments([.string(name.name), value]))
                return
            }
            try genericSetAttribute(inst, name, value)
            return
        }
        if let t = o as? PyType {
            if t.isImmutable {
                throw PyError(.typeError, "cannot set '\(name.name)' attribute of immutable type '\(t.name)'")
            }
            t.setAttribute(name, value)
            return
        }
        if let m = o as? PyModule {
            m.attributes.set(name, value)
            return
        }
        if let fn = o as? PyFunction {
            switch name.name {
            case "__name__":
                guard case .str(let s) = value else { throw PyError(.typeError, "__name__ must be set to a string object") }
                fn.name = s.value
            case "__qualname__":
                guard case .str(let s) = value else { throw PyError(.typeError, "__qualname__ must be set to a string object") }
                fn.qualifiedName = s.value
            default:
                fn.attributes.set(name, value)
            }
            return
        }
        if let p = o as? PyProperty, o.pyType === PyType.property {
            _ = p
            throw PyError(.attributeError, "readonly attribute")
        }
        throw noAttributeToSet(obj, name)
    }

    private func noAttributeToSet(_ obj: Value, _ name: Symbol) -> PyError {
        if obj.pyType.lookup(name) != nil {
            return PyError(.attributeError, "'\(obj.typeName)' object attribute '\(name.name)' is read-only")
        }
        return PyError(.attributeError, "'\(obj.typeName)' object has no attribute '\(name.name)'")
    }

    /// `object.__setattr__`: data descriptors, else the instance's own attributes.
    /// Native `__setattr__` hooks call this to store normally.
    public func genericSetAttribute(_ inst: PyInstance, _ name: Symbol, _ value: Value) throws {
        if let attr = inst.cls.lookup(name), case .object(let a) = attr {
            if let p = a as? PyProperty {
                if p.setter.isNone {
                    throw PyError(.attributeError, "property '\(name.name)' of '\(inst.cls.name)' object has no setter")
                }
                _ = try call(p.setter, Arguments([.object(inst), value]))
                return
            }
            if let p = a as? NativeProperty {
                guard let setter = p.setter else {
                    throw PyError(.attributeError, "attribute '\(name.name)' of '\(inst.cls.name)' objects is not writable")
                }
                try setter(self, .object(inst), value)
                return
            }
        }
        if inst.cls === PyType.object {
            throw PyError(.attributeError, "'object' object has no attribute '\(name.name)'")
        }
        inst.attributes.set(name, value)
    }

    public func deleteAttribute(_ obj: Value, _ name: Symbol) throws {
        guard case .object(let o) = obj else { throw noAttributeToSet(obj, name) }
        if let inst = o as? PyInstance {
            if let hook = inst.cls.lookup(.dunderDelattr), !hook.isIdentical(to: PyType.objectDelattr) {
                _ = try callDescriptor(hook, obj, Arguments([.string(name.name)]))
                return
            }
            try genericDeleteAttribute(inst, name)
            return
        }
        if let t = o as? PyType, !t.isImmutable {
            if t.removeAttribute(name) == nil {
                throw PyError(.attributeError, "type object '\(t.name)' has no attribute '\(name.name)'")
            }
            return
        }
        if let m = o as? PyModule {
            if m.attributes.remove(name) == nil {
                throw PyError(.attributeError, "module '\(m.name)' has no attribute '\(name.name)'")
            }
            return
        }
        throw noAttributeToSet(obj, name)
    }

    public func genericDeleteAttribute(_ inst: PyInstance, _ name: Symbol) throws {
        if let attr = inst.cls.lookup(name), case .object(let a) = attr, let p = a as? PyProperty {
            if p.deleter.isNone {
                throw PyError(.attributeError, "property '\(name.name)' of '\(inst.cls.name)' object has no deleter")
            }
            _ = try call(p.deleter, Arguments([.object(inst)]))
            return
        }
        if inst.attributes.remove(name) == nil {
            throw PyError(.attributeError, "'\(inst.cls.name)' object has no attribute '\(name.name)'")
        }
    }

    /// `hasattr`-style probe: nil when the attribute is missing (AttributeError), other errors propagate.
    public func attributeIfPresent(_ obj: Value, _ name: Symbol) throws -> Value? {
        do {
            return try getAttribute(obj, name)
        } catch let e as PyError where e.type.isSubtype(of: .attributeError) {
            return nil
        }
    }

    func dictFromTable(_ table: AttributeTable) -> PyDict {
        let d = PyDict()
        for (k, v) in table.entries { d.set(.string(k.name), hash: .str(k.name), v) }
        return d
    }
}
