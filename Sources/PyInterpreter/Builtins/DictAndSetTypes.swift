extension PyType {
    public static let dict: PyType = {
        let t = PyType(builtin: "dict", base: .object, factory: .builtin({ interp, _, args in
            if args.positional.count > 1 { throw PyError(.typeError, "dict expected at most 1 argument, got \(args.positional.count)") }
            let d = PyDict()
            if let source = args.positional.first { try DictMethods.update(interp, d, source) }
            for (k, v) in args.keywords { d.set(.string(k.name), hash: .str(k.name), v) }
            return .object(d)
        }))
        DictMethods.install(t)
        return t
    }()

    public static let set: PyType = {
        let t = PyType(builtin: "set", base: .object, factory: .builtin({ interp, _, args in
            try args.noKeywords("set")
            if args.positional.count > 1 { throw PyError(.typeError, "set expected at most 1 argument, got \(args.positional.count)") }
            return .object(try SetMethods.make(interp, args.positional.first, frozen: false))
        }))
        SetMethods.install(t, frozen: false)
        return t
    }()

    public static let frozenSet: PyType = {
        let t = PyType(builtin: "frozenset", base: .object, factory: .builtin({ interp, _, args in
            try args.noKeywords("frozenset")
            if args.positional.count > 1 { throw PyError(.typeError, "frozenset expected at most 1 argument, got \(args.positional.count)") }
            return .object(try SetMethods.make(interp, args.positional.first, frozen: true))
        }))
        SetMethods.install(t, frozen: true)
        return t
    }()
}

/// The methods of `dict`.
enum DictMethods {
    static func dict(_ v: Value) throws -> PyDict {
        guard case .object(let o) = v, let d = o as? PyDict else { throw PyError(.typeError, "expected a dict, got \(v.typeName)") }
        return d
    }

    /// `d.update(source)`: a mapping, or an iterable of key/value pairs.
    static func update(_ interp: Interpreter, _ d: PyDict, _ source: Value) throws {
        if case .object(let o) = source, o is PyDict || (o is PyInstance && source.pyType.lookup(Symbol.intern("keys")) != nil) {
            try interp.mergeMapping(into: d, source)
            return
        }
        guard interp.isIterable(source) else { throw PyError(.typeError, "'\(source.typeName)' object is not iterable") }
        for (i, item) in try interp.iterate(source).enumerated() {
            let pair: [Value]
            if case .object(let o) = item, let t = o as? PyTuple { pair = t.items }
            else if case .object(let o) = item, let l = o as? PyList { pair = l.items }
            else if interp.isIterable(item) { pair = try interp.iterate(item) }
            else { throw PyError(.typeError, "cannot convert dictionary update sequence element #\(i) to a sequence") }
            guard pair.count == 2 else {
                throw PyError(.valueError, "dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            d.set(pair[0], hash: try interp.hashKey(pair[0]), pair[1])
        }
        try interp.checkSize(d.count)
    }

    static func install(_ t: PyType) {
        t.method("keys") { _, this, args in _ = try args.exactly(0, "keys"); return .object(DictView(try dict(this), .keys)) }
        t.method("values") { _, this, args in _ = try args.exactly(0, "values"); return .object(DictView(try dict(this), .values)) }
        t.method("items") { _, this, args in _ = try args.exactly(0, "items"); return .object(DictView(try dict(this), .items)) }
        t.method("get") { interp, this, args in
            let p = try args.between(1, 2, "get")
            return try dict(this).get(try interp.hashKey(p[0])) ?? (p.count > 1 ? p[1] : .none)
        }
        t.method("setdefault") { interp, this, args in
            let p = try args.between(1, 2, "setdefault")
            let d = try dict(this)
            let h = try interp.hashKey(p[0])
            if let v = d.get(h) { return v }
            let v = p.count > 1 ? p[1] : .none
            d.set(p[0], hash: h, v)
            return v
        }
        t.method("pop") { interp, this, args in
            let p = try args.between(1, 2, "pop")
            let d = try dict(this)
            if let removed = d.remove(try interp.hashKey(p[0])) { return removed.value }
            if p.count > 1 { return p[1] }
            throw PyError.keyError(p[0])
        }
        t.method("popitem") { _, this, args in
            _ = try args.exactly(0, "popitem")
            let d = try dict(this)
            guard let last = d.lastEntry else { throw PyError.keyError(.string("popitem(): dictionary is empty")) }
            d.remove(last.hash)
            return .tuple([last.key, last.value])
        }
        t.method("update") { interp, this, args in
            let d = try dict(this)
            if args.positional.count > 1 { throw PyError(.typeError, "update expected at most 1 argument, got \(args.positional.count)") }
            if let source = args.positional.first { try update(interp, d, source) }
            for (k, v) in args.keywords { d.set(.string(k.name), hash: .str(k.name), v) }
            return .none
        }
        t.method("copy") { _, this, args in
            _ = try args.exactly(0, "copy")
            let d = try dict(this)
            let c = PyDict()
            for e in d.entries.compactMap({ $0 }) { c.set(e.key, hash: e.hash, e.value) }
            return .object(c)
        }
        t.method("clear") { _, this, args in
            _ = try args.exactly(0, "clear")
            try dict(this).removeAll()
            return .none
        }
        t.setAttribute(Symbol.intern("fromkeys"), .object(PyClassMethod(.object(PyNativeFunction(method: "fromkeys", owner: nil) { interp, _, args in
            let p = try args.between(1, 2, "fromkeys")
            let d = PyDict()
            for k in try interp.iterate(p[0]) { d.set(k, hash: try interp.hashKey(k), p.count > 1 ? p[1] : .none) }
            return .object(d)
        }))))
        t.method("__len__") { interp, this, _ in .int(try interp.length(this)) }
        t.method("__getitem__") { interp, this, args in try interp.getItem(this, try args.exactly(1, "__getitem__")[0]) }
        t.method("__setitem__") { interp, this, args in
            let p = try args.exactly(2, "__setitem__")
            try interp.setItem(this, p[0], p[1])
            return .none
        }
        t.method("__contains__") { interp, this, args in .bool(try interp.contains(this, try args.exactly(1, "__contains__")[0])) }
        t.method("__iter__") { interp, this, _ in .object(try interp.makeIterator(this)) }
    }
}

/// The methods of `set` and `frozenset`.
enum SetMethods {
    static func set(_ v: Value) throws -> PySet {
        guard case .object(let o) = v, let s = o as? PySet else { throw PyError(.typeError, "expected a set, got \(v.typeName)") }
        return s
    }

    static func make(_ interp: Interpreter, _ source: Value?, frozen: Bool) throws -> PySet {
        let s = PySet(frozen: frozen)
        guard let source = source else { return s }
        if case .object(let o) = source, let other = o as? PySet {
            s.merge(other)
            return s
        }
        for v in try interp.iterate(source) { s.add(v, try interp.hashKey(v)) }
        try interp.checkSize(s.count)
        return s
    }

    static func install(_ t: PyType, frozen: Bool) {
        func other(_ interp: Interpreter, _ v: Value) throws -> PySet {
            if case .object(let o) = v, let s = o as? PySet { return s }
            return try make(interp, v, frozen: false)
        }
        func combine(_ name: String, _ op: BinaryOp) {
            t.method(name) { interp, this, args in
                var result = this
                for a in args.positional {
                    result = try interp.binaryOperation(op, result, .object(try other(interp, a)))
                }
                if args.positional.isEmpty { result = .object(try make(interp, this, frozen: frozen)) }
                return result
            }
        }
        combine("union", .bitOr)
        combine("intersection", .bitAnd)
        combine("difference", .subtract)
        combine("symmetric_difference", .bitXor)
        t.method("issubset") { interp, this, args in
            let o = try other(interp, try args.exactly(1, "issubset")[0])
            return .bool(try set(this).slots.allSatisfy { o.contains($0.hashKey) })
        }
        t.method("issuperset") { interp, this, args in
            let o = try other(interp, try args.exactly(1, "issuperset")[0])
            let s = try set(this)
            return .bool(o.slots.allSatisfy { s.contains($0.hashKey) })
        }
        t.method("isdisjoint") { interp, this, args in
            let o = try other(interp, try args.exactly(1, "isdisjoint")[0])
            return .bool(try set(this).slots.allSatisfy { !o.contains($0.hashKey) })
        }
        t.method("copy") { interp, this, _ in .object(try make(interp, this, frozen: frozen)) }
        t.method("__len__") { interp, this, _ in .int(try interp.length(this)) }
        t.method("__contains__") { interp, this, args in .bool(try interp.contains(this, try args.exactly(1, "__contains__")[0])) }
        t.method("__iter__") { interp, this, _ in .object(try interp.makeIterator(this)) }
        if frozen { return }
        t.method("add") { interp, this, args in
            let v = try args.exactly(1, "set.add")[0]
            let s = try set(this)
            s.add(v, try interp.hashKey(v))
            if s.count & 0xFFFF == 0 { try interp.checkSize(s.count) }
            return .none
        }
        t.method("remove") { interp, this, args in
            let v = try args.exactly(1, "set.remove")[0]
            if !(try set(this).remove(try interp.hashKey(v))) { throw PyError.keyError(v) }
            return .none
        }
        t.method("discard") { interp, this, args in
            let v = try args.exactly(1, "set.discard")[0]
            try set(this).remove(try interp.hashKey(v))
            return .none
        }
        t.method("pop") { _, this, args in
            _ = try args.exactly(0, "pop")
            guard let v = try set(this).popFirst() else { throw PyError.keyError(.string("pop from an empty set")) }
            return v
        }
        t.method("clear") { _, this, _ in
            try set(this).removeAll()
            return .none
        }
        t.method("update") { interp, this, args in
            let s = try set(this)
            for a in args.positional { s.merge(try other(interp, a)) }
            return .none
        }
        func inPlace(_ name: String, _ op: BinaryOp) {
            t.method(name) { interp, this, args in
                for a in args.positional { _ = try interp.inPlaceOperation(op, this, .object(try other(interp, a))) }
                return .none
            }
        }
        inPlace("intersection_update", .bitAnd)
        inPlace("difference_update", .subtract)
        inPlace("symmetric_difference_update", .bitXor)
    }
}
