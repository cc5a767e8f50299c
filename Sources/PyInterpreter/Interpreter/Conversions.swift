import BigInt

extension Interpreter {
    /// Python truthiness (`__bool__`, then `__len__`).
    public func isTruthy(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.value.isEmpty
        case .object(let o):
            if let l = o as? PyList { return !l.items.isEmpty }
            if let t = o as? PyTuple { return !t.items.isEmpty }
            if let d = o as? PyDict { return d.count > 0 }
            if let s = o as? PySet { return s.count > 0 }
            if let r = o as? PyRange { return r.count > 0 }
            if o is PyBigInt { return true }
            if let view = o as? DictView { return view.dict.count > 0 }
            if let inst = o as? PyInstance {
                if let b = inst.cls.lookup(.dunderBool) {
                    let r = try callDescriptor(b, v, .empty)
                    guard case .bool(let truth) = r else {
                        throw PyError(.typeError, "__bool__ should return bool, returned \(r.typeName)")
                    }
                    return truth
                }
                if let l = inst.cls.lookup(.dunderLen) {
                    return try lengthResult(try callDescriptor(l, v, .empty)) != 0
                }
            }
            return true
        }
    }

    private func lengthResult(_ r: Value) throws -> Int {
        switch r {
        case .int(let i):
            if i < 0 { throw PyError(.valueError, "__len__() should return >= 0") }
            return i
        case .bool(let b): return b ? 1 : 0
        default: throw PyError(.typeError, "'\(r.typeName)' object cannot be interpreted as an integer")
        }
    }

    /// `len(v)`.
    public func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return s.count
        case .object(let o):
            if let l = o as? PyList { return l.items.count }
            if let t = o as? PyTuple { return t.items.count }
            if let d = o as? PyDict { return d.count }
            if let s = o as? PySet { return s.count }
            if let r = o as? PyRange { return r.count }
            if let view = o as? DictView { return view.dict.count }
            if let inst = o as? PyInstance, let l = inst.cls.lookup(.dunderLen) {
                return try lengthResult(try callDescriptor(l, v, .empty))
            }
        default: break
        }
        throw PyError(.typeError, "object of type '\(v.typeName)' has no len()")
    }

    /// An integer index (`__index__`): ints and bools, or instances defining `__index__`.
    public func indexValue(_ v: Value) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if o is PyBigInt {
                throw PyError(.indexError, "cannot fit 'int' into an index-sized integer")
            }
            if o is PyInstance, let method = v.pyType.lookup(.dunderIndex) {
                return try indexValue(try callDescriptor(method, v, .empty))
            }
        default: break
        }
        throw PyError(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
    }

    /// `float(v)` for numbers and objects with `__float__`.
    public func toDouble(_ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let b = o as? PyBigInt { return try IntMath.toDouble(b.value) }
            if o is PyInstance {
                if let method = v.pyType.lookup(.dunderFloat) {
                    let r = try callDescriptor(method, v, .empty)
                    guard case .float(let d) = r else {
                        throw PyError(.typeError, "\(v.typeName).__float__ returned non-float (type \(r.typeName))")
                    }
                    return d
                }
                if let method = v.pyType.lookup(.dunderIndex) {
                    return Double(try indexValue(try callDescriptor(method, v, .empty)))
                }
            }
        default: break
        }
        throw PyError(.typeError, "must be real number, not \(v.typeName)")
    }

    /// `callable(v)`.
    func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if o is PyFunction || o is PyNativeFunction || o is PyBoundMethod || o is PyType { return true }
        return o is PyInstance && v.pyType.lookup(.dunderCall) != nil
    }

    // MARK: - Iteration

    func isIterable(_ v: Value) -> Bool {
        switch v {
        case .str: return true
        case .object(let o):
            if o is PyList || o is PyTuple || o is PyDict || o is PySet || o is PyRange || o is PyIterator || o is DictView { return true }
            if o is PyInstance { return v.pyType.lookup(.dunderIter) != nil || v.pyType.lookup(.dunderGetitem) != nil }
            return false
        default: return false
        }
    }

    /// `iter(v)`.
    public func makeIterator(_ v: Value) throws -> PyIterator {
        switch v {
        case .str(let s): return StringIterator(s)
        case .object(let o):
            if let l = o as? PyList { return ListIterator(l) }
            if let t = o as? PyTuple { return TupleIterator(t.items) }
            if let r = o as? PyRange { return RangeIterator(r) }
            if let d = o as? PyDict { return DictIterator(d, kind: .keys) }
            if let s = o as? PySet { return TupleIterator(s.elements, typeName: "set_iterator") }
            if let it = o as? PyIterator { return it }
            if let view = o as? DictView { return DictIterator(view.dict, kind: view.kind) }
            if o is PyInstance {
                if let method = v.pyType.lookup(.dunderIter) {
                    let it = try callDescriptor(method, v, .empty)
                    if case .object(let io) = it, let native = io as? PyIterator { return native }
                    guard it.pyType.lookup(.dunderNext) != nil else {
                        throw PyError(.typeError, "iter() returned non-iterator of type '\(it.typeName)'")
                    }
                    return UserIterator(it)
                }
                if v.pyType.lookup(.dunderGetitem) != nil { return SequenceIterator(v) }
            }
        default: break
        }
        throw PyError(.typeError, "'\(v.typeName)' object is not iterable")
    }

    /// All items of an iterable (bounded by the size and time limits).
    public func iterate(_ v: Value) throws -> [Value] {
        if case .object(let o) = v {
            if let l = o as? PyList { return l.items }
            if let t = o as? PyTuple { return t.items }
            if let r = o as? PyRange {
                try checkSize(r.count)
                return (0..<r.count).map { .int(r.element($0)) }
            }
        }
        let it = try makeIterator(v)
        var out: [Value] = []
        while let x = try it.next(self) {
            out.append(x)
            if out.count & 0x3FF == 0 {
                try tick()
                try checkSize(out.count)
            }
        }
        return out
    }

    /// Adds the entries of a mapping (dict or object with `keys()`) into `d`.
    func mergeMapping(into d: PyDict, _ mapping: Value) throws {
        if case .object(let o) = mapping, let src = o as? PyDict {
            for e in src.entries.compactMap({ $0 }) { d.set(e.key, hash: e.hash, e.value) }
            return
        }
        guard mapping.pyType.lookup(Symbol.intern("keys")) != nil, case .object(let o) = mapping, o is PyInstance else {
            throw PyError(.typeError, "'\(mapping.typeName)' object is not a mapping")
        }
        for k in try iterate(try callMethod(mapping, "keys")) {
            d.set(k, hash: try hashKey(k), try getItem(mapping, k))
        }
    }

    // MARK: - Exceptions

    /// `str(exception)`: the message CPython prints after the type name.
    func exceptionMessage(_ inst: PyInstance) throws -> String {
        if let strMethod = inst.cls.lookup(.dunderStr), !strMethod.isIdentical(to: PyType.baseExceptionStr) {
            return try str(.object(inst))
        }
        let args = PyError(exception: inst).state.args
        switch args.count {
        case 0: return ""
        case 1:
            if inst.cls.isSubtype(of: .keyError) { return try repr(args[0]) }
            return try str(args[0])
        default: return try repr(.tuple(args))
        }
    }
}
