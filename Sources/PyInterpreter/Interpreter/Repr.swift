import BigInt

extension Interpreter {
    /// `repr(v)`, exactly as CPython prints it.
    public func repr(_ v: Value) throws -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return TextFormatting.floatRepr(d)
        case .str(let s): return Interpreter.quoted(s.value)
        case .object(let o): return try objectRepr(o, v)
        }
    }

    /// `str(v)`.
    public func str(_ v: Value) throws -> String {
        switch v {
        case .str(let s): return s.value
        case .object(let o):
            if let inst = o as? PyInstance {
                if let method = inst.cls.lookup(.dunderStr), !method.isIdentical(to: PyType.objectStr) {
                    if method.isIdentical(to: PyType.baseExceptionStr) { return try exceptionMessage(inst) }
                    let r = try callDescriptor(method, v, .empty)
                    guard case .str(let s) = r else {
                        throw PyError(.typeError, "__str__ returned non-string (type \(r.typeName))")
                    }
                    return s.value
                }
                return try repr(v)
            }
            if let b = o as? PyBigInt { return try bigIntString(b.value) }
            return try repr(v)
        default:
            return try repr(v)
        }
    }

    func bigIntString(_ b: BigInt) throws -> String {
        // CPython 3.11 refuses int->str conversions above 4300 digits (about 14,284 bits).
        if b.magnitude.bitWidth > 14_300 {
            let s = b.description
            let digits = s.hasPrefix("-") ? s.count - 1 : s.count
            if digits > 4300 {
                throw PyError(.valueError, "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit")
            }
            return s
        }
        return b.description
    }

    /// A fake but stable address for default reprs (`<Foo object at 0x7f…>`).
    func address(_ o: AnyObject) -> String {
        if let object = o as? PyObject { return "0x" + String(object.fakeAddress, radix: 16) }
        let raw = UInt(bitPattern: ObjectIdentifier(o).hashValue) & 0x0000_7FFF_FFFF_FFF0
        return "0x" + String(raw | 0x7F00_0000_0000, radix: 16)
    }

    private func guardRecursion<T>(_ o: PyObject, placeholder: T, _ body: () throws -> T) throws -> T {
        let id = ObjectIdentifier(o)
        if reprInProgress.contains(id) { return placeholder }
        reprInProgress.insert(id)
        try enterCall(" while getting the repr of an object")
        defer {
            reprInProgress.remove(id)
            exitCall()
        }
        return try body()
    }

    private func objectRepr(_ o: PyObject, _ v: Value) throws -> String {
        if let inst = o as? PyInstance {
            if let method = inst.cls.lookup(.dunderRepr), !method.isIdentical(to: PyType.objectRepr) {
                if method.isIdentical(to: PyType.baseExceptionRepr) { return try exceptionRepr(inst) }
                try enterCall(" while getting the repr of an object")
                defer { exitCall() }
                let r = try callDescriptor(method, v, .empty)
                guard case .str(let s) = r else {
                    throw PyError(.typeError, "__repr__ returned non-string (type \(r.typeName))")
                }
                return s.value
            }
            return "<\(inst.cls.fullName) object at \(address(inst))>"
        }
        if let l = o as? PyList {
            return try guardRecursion(o, placeholder: "[...]") {
                "[" + (try l.items.map { try repr($0) }.joined(separator: ", ")) + "]"
            }
        }
        if let t = o as? PyTuple {
            if t.items.count == 1 { return try guardRecursion(o, placeholder: "(...)") { "(" + (try repr(t.items[0])) + ",)" } }
            return try guardRecursion(o, placeholder: "(...)") {
                "(" + (try t.items.map { try repr($0) }.joined(separator: ", ")) + ")"
            }
        }
        if let d = o as? PyDict {
            return try guardRecursion(o, placeholder: "{...}") {
                "{" + (try d.items.map { "\(try repr($0.key)): \(try repr($0.value))" }.joined(separator: ", ")) + "}"
            }
        }
        if let s = o as? PySet {
            let name = s.isFrozen ? "frozenset" : "set"
            if s.count == 0 { return "\(name)()" }
            return try guardRecursion(o, placeholder: "\(name)(...)") {
                let body = "{" + (try s.elements.map { try repr($0) }.joined(separator: ", ")) + "}"
                return s.isFrozen ? "frozenset(\(body))" : body
            }
        }
        if let b = o as? PyBigInt { return try bigIntString(b.value) }
        if let t = o as? PyType { return "<class '\(t.fullName)'>" }
        if let f = o as? PyFunction { return "<function \(f.qualifiedName) at \(address(f))>" }
        if let n = o as? PyNativeFunction {
            if case .method = n.body, let owner = n.ownerType { return "<method '\(n.name)' of '\(owner.name)' objects>" }
            return "<built-in function \(n.name)>"
        }
        if let b = o as? PyBoundMethod {
            if case .object(let f) = b.function, let n = f as? PyNativeFunction {
                return "<built-in method \(n.name) of \(b.receiver.typeName) object at \(address(b.receiver.object ?? b))>"
            }
            let name = (b.function.object as? PyFunction)?.qualifiedName ?? "?"
            return "<bound method \(name) of \(try repr(b.receiver))>"
        }
        if let m = o as? PyModule { return "<module '\(m.name)' (built-in)>" }
        if let r = o as? PyRange {
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        }
        if let s = o as? PySlice { return "slice(\(try repr(s.start)), \(try repr(s.stop)), \(try repr(s.step)))" }
        if o === PyNotImplementedType.shared { return "NotImplemented" }
        if o === PyEllipsisType.shared { return "Ellipsis" }
        if let view = o as? DictView {
            let name: String
            switch view.kind {
            case .keys: name = "dict_keys"
            case .values: name = "dict_values"
            case .items: name = "dict_items"
            }
            return try guardRecursion(o, placeholder: "\(name)(...)") {
                "\(name)([" + (try iterate(v).map { try repr($0) }.joined(separator: ", ")) + "])"
            }
        }
        if let s = o as? PySuper { return "<super: <class '\(s.start.name)'>, <\(s.receiver.typeName) object>>" }
        if o is PyProperty { return "<property object at \(address(o))>" }
        if let it = o as? PyIterator { return "<\(it.pyType.name) object at \(address(o))>" }
        return "<\(o.pyType.name) object at \(address(o))>"
    }

    private func exceptionRepr(_ inst: PyInstance) throws -> String {
        let args = PyError(exception: inst).state.args
        if args.count == 1 { return "\(inst.cls.name)(\(try repr(args[0])))" }
        return "\(inst.cls.name)(" + (try args.map { try repr($0) }.joined(separator: ", ")) + ")"
    }

    /// CPython's string repr (single quotes unless the text has ' and no ").
    static func quoted(_ s: String) -> String { PyStrRepr.repr(s) }

    /// Python's `str.isprintable` for one character.
    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x20 || c.value == 0x7F { return false }
        return c.isASCII || PyStrRepr.isPrintable(c)
    }
}

/// `ascii()` of a repr: non-ASCII characters escaped.
func asciiEscaped(_ s: String) -> String { PyStrRepr.ascii(fromRepr: s) }
