extension PyType {
    public static let list: PyType = {
        let t = PyType(builtin: "list", base: .object, factory: .builtin({ interp, _, args in
            try args.noKeywords("list")
            if args.positional.count > 1 { throw PyError(.typeError, "list expected at most 1 argument, got \(args.positional.count)") }
            guard let source = args.positional.first else { return .list([]) }
            return .list(try interp.iterate(source))
        }))
        ListMethods.install(t)
        return t
    }()

    public static let tuple: PyType = {
        let t = PyType(builtin: "tuple", base: .object, factory: .builtin({ interp, _, args in
            try args.noKeywords("tuple")
            if args.positional.count > 1 { throw PyError(.typeError, "tuple expected at most 1 argument, got \(args.positional.count)") }
            guard let source = args.positional.first else { return .tuple([]) }
            if case .object(let o) = source, o is PyTuple { return source }
            return .tuple(try interp.iterate(source))
        }))
        t.method("count") { interp, this, args in
            let x = try args.exactly(1, "count")[0]
            var n = 0
            for item in (this.object as? PyTuple)?.items ?? [] where try interp.equals(item, x) { n += 1 }
            return .int(n)
        }
        t.method("index") { interp, this, args in
            let p = try args.between(1, 3, "index")
            let items = (this.object as? PyTuple)?.items ?? []
            let (lo, hi) = try ListMethods.bounds(interp, items.count, p.dropFirst())
            for i in lo..<Swift.max(lo, hi) where try interp.equals(items[i], p[0]) { return .int(i) }
            throw PyError(.valueError, "tuple.index(x): x not in tuple")
        }
        t.method("__len__") { interp, this, _ in .int(try interp.length(this)) }
        t.method("__getitem__") { interp, this, args in try interp.getItem(this, try args.exactly(1, "__getitem__")[0]) }
        return t
    }()

    public static let range: PyType = {
        let t = PyType(builtin: "range", base: .object, factory: .builtin({ interp, _, args in
            try args.noKeywords("range")
            let p = try args.positional.map { v -> Int in
                do { return try interp.indexValue(v) } catch let e as PyError where e.type.isSubtype(of: .indexError) {
                    throw PyError(.overflowError, "Python int too large to convert to C ssize_t")
                }
            }
            switch p.count {
            case 1: return .object(PyRange(start: 0, stop: p[0], step: 1))
            case 2:
                if PyRange.length(start: p[0], stop: p[1], step: 1) == nil {
                    throw PyError(.overflowError, "Python int too large to convert to C ssize_t")
                }
                return .object(PyRange(start: p[0], stop: p[1], step: 1))
            case 3:
                if p[2] == 0 { throw PyError(.valueError, "range() arg 3 must not be zero") }
                if PyRange.length(start: p[0], stop: p[1], step: p[2]) == nil {
                    throw PyError(.overflowError, "Python int too large to convert to C ssize_t")
                }
                return .object(PyRange(start: p[0], stop: p[1], step: p[2]))
            case 0: throw PyError(.typeError, "range expected at least 1 argument, got 0")
            default: throw PyError(.typeError, "range expected at most 3 arguments, got \(p.count)")
            }
        }))
        t.method("index") { interp, this, args in
            let x = try args.exactly(1, "index")[0]
            guard case .object(let o) = this, let r = o as? PyRange, case .int(let i) = x, try interp.contains(this, x) else {
                throw PyError(.valueError, "\(try interp.repr(x)) is not in range")
            }
            return .int((i - r.start) / r.step)
        }
        t.method("count") { interp, this, args in
            .int(try interp.contains(this, try args.exactly(1, "count")[0]) ? 1 : 0)
        }
        return t
    }()
}

/// The methods of `list`.
enum ListMethods {
    static func list(_ v: Value) throws -> PyList {
        guard case .object(let o) = v, let l = o as? PyList else { throw PyError(.typeError, "expected a list, got \(v.typeName)") }
        return l
    }

    static func bounds(_ interp: Interpreter, _ count: Int, _ rest: ArraySlice<Value>) throws -> (Int, Int) {
        try StrMethods.bounds(interp, count, rest)
    }

    static func install(_ t: PyType) {
        t.method("append") { interp, this, args in
            let l = try list(this)
            l.items.append(try args.exactly(1, "list.append")[0])
            if l.items.count & 0xFFFF == 0 { try interp.checkSize(l.items.count) }
            return .none
        }
        t.method("extend") { interp, this, args in
            let l = try list(this)
            let items = try interp.iterate(try args.exactly(1, "list.extend")[0])
            try interp.checkSize(l.items.count + items.count)
            l.items.append(contentsOf: items)
            return .none
        }
        t.method("insert") { interp, this, args in
            let p = try args.exactly(2, "insert")
            let l = try list(this)
            var i = try interp.indexValue(p[0])
            if i < 0 { i = Swift.max(0, i + l.items.count) }
            l.items.insert(p[1], at: Swift.min(i, l.items.count))
            return .none
        }
        t.method("pop") { interp, this, args in
            let p = try args.between(0, 1, "pop")
            let l = try list(this)
            if l.items.isEmpty { throw PyError(.indexError, "pop from empty list") }
            var i = try p.first.map { try interp.indexValue($0) } ?? -1
            if i < 0 { i += l.items.count }
            if i < 0 || i >= l.items.count { throw PyError(.indexError, "pop index out of range") }
            return l.items.remove(at: i)
        }
        t.method("remove") { interp, this, args in
            let x = try args.exactly(1, "list.remove")[0]
            let l = try list(this)
            for (i, item) in l.items.enumerated() where try interp.equals(item, x) {
                l.items.remove(at: i)
                return .none
            }
            throw PyError(.valueError, "list.remove(x): x not in list")
        }
        t.method("index") { interp, this, args in
            let p = try args.between(1, 3, "index")
            let l = try list(this)
            let (lo, hi) = try bounds(interp, l.items.count, p.dropFirst())
            var i = lo
            while i < hi && i < l.items.count {
                if try interp.equals(l.items[i], p[0]) { return .int(i) }
                i += 1
            }
            throw PyError(.valueError, "\(try interp.repr(p[0])) is not in list")
        }
        t.method("count") { interp, this, args in
            let x = try args.exactly(1, "count")[0]
            var n = 0
            for item in try list(this).items where try interp.equals(item, x) { n += 1 }
            return .int(n)
        }
        t.method("sort") { interp, this, args in
            if !args.positional.isEmpty { throw PyError(.typeError, "sort() takes no positional arguments") }
            let a = try NativeSignature("sort", .keywordOnly("key", default: .none), .keywordOnly("reverse", default: .bool(false))).bind(args)
            let l = try list(this)
            let items = l.items
            l.items = []
            defer { if l.items.isEmpty { l.items = items } }
            let sorted = try interp.sortValues(items, key: a.optional("key"), reverse: try interp.isTruthy(a["reverse"]))
            l.items = sorted
            return .none
        }
        t.method("reverse") { _, this, args in
            _ = try args.exactly(0, "reverse")
            try list(this).items.reverse()
            return .none
        }
        t.method("copy") { _, this, args in
            _ = try args.exactly(0, "copy")
            return .list(try list(this).items)
        }
        t.method("clear") { _, this, args in
            _ = try args.exactly(0, "clear")
            try list(this).items.removeAll()
            return .none
        }
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

extension Interpreter {
    /// A stable sort with an optional key function, as `sorted()` and `list.sort()` do
    /// (`reverse` keeps equal elements in their original order, like CPython).
    public func sortValues(_ items: [Value], key: Value?, reverse: Bool) throws -> [Value] {
        var keyed: [(key: Value, value: Value)] = []
        keyed.reserveCapacity(items.count)
        for item in items {
            keyed.append((key == nil ? item : try call(key!, Arguments([item])), item))
        }
        if reverse { keyed.reverse() }
        var comparisons = 0
        try keyed.sort { a, b in
            comparisons += 1
            if comparisons & 0x3FF == 0 { try tick() }
            return try lessThan(a.key, b.key)
        }
        if reverse { keyed.reverse() }
        return keyed.map { $0.value }
    }
}
