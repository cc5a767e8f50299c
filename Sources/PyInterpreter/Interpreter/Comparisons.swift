import BigInt

extension Interpreter {
    /// One comparison of a chain. Rich comparisons on user/native classes may return any value.
    func compare(_ op: CompareOp, _ l: Value, _ r: Value) throws -> Value {
        switch op {
        case .is: return .bool(l.isIdentical(to: r))
        case .isNot: return .bool(!l.isIdentical(to: r))
        case .in: return .bool(try contains(r, l))
        case .notIn: return .bool(try !contains(r, l))
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual:
            return try richCompare(op, l, r)
        }
    }

    /// `==`, `<` … with reflection (`a < b` falls back to `b > a`), as CPython does.
    public func richCompare(_ op: CompareOp, _ l: Value, _ r: Value) throws -> Value {
        if let result = try builtinCompare(op, l, r) { return .bool(result) }
        let (forward, reflected) = PyType.comparisonDunders(op)
        let lt = l.pyType, rt = r.pyType
        let reflectFirst = lt !== rt && rt.isSubtype(of: lt)
        if reflectFirst, let rm = rt.lookup(reflected), !isDefaultComparison(rm) {
            let v = try callBinary(rm, r, l)
            if !v.isNotImplemented { return v }
        }
        if let lm = lt.lookup(forward), !isDefaultComparison(lm) {
            let v = try callBinary(lm, l, r)
            if !v.isNotImplemented { return v }
        }
        if !reflectFirst, let rm = rt.lookup(reflected), !isDefaultComparison(rm) {
            let v = try callBinary(rm, r, l)
            if !v.isNotImplemented { return v }
        }
        switch op {
        case .equal: return .bool(l.isIdentical(to: r))
        case .notEqual:
            // Default `!=` inverts a user-defined `==`.
            if let eq = lt.lookup(.dunderEq), !isDefaultComparison(eq) {
                let v = try callBinary(eq, l, r)
                if !v.isNotImplemented { return .bool(try !isTruthy(v)) }
            }
            return .bool(!l.isIdentical(to: r))
        default:
            throw PyError(.typeError, "'\(op.rawValue)' not supported between instances of '\(l.typeName)' and '\(r.typeName)'")
        }
    }

    private func isDefaultComparison(_ v: Value) -> Bool {
        if case .object(let o) = v, let f = o as? PyNativeFunction { return f.ownerType === PyType.object }
        return false
    }

    /// `l == r` as a Swift Bool (container equality, `in`, `list.index`…).
    public func equals(_ l: Value, _ r: Value) throws -> Bool {
        if case .object(let a) = l, case .object(let b) = r, a === b { return true }
        if let result = try builtinCompare(.equal, l, r) { return result }
        return try isTruthy(try richCompare(.equal, l, r))
    }

    /// `l < r` as a Swift Bool (sorting, min/max).
    func lessThan(_ l: Value, _ r: Value) throws -> Bool {
        if case .int(let a) = l, case .int(let b) = r { return a < b }
        if case .float(let a) = l, case .float(let b) = r { return a < b }
        if let result = try builtinCompare(.less, l, r) { return result }
        return try isTruthy(try richCompare(.less, l, r))
    }

    private func order(_ op: CompareOp, _ c: Int) -> Bool {
        switch op {
        case .less: return c < 0
        case .lessEqual: return c <= 0
        case .greater: return c > 0
        case .greaterEqual: return c >= 0
        case .equal: return c == 0
        case .notEqual: return c != 0
        default: return false
        }
    }

    /// Comparisons between builtin values; nil when they do not apply.
    private func builtinCompare(_ op: CompareOp, _ l: Value, _ r: Value) throws -> Bool? {
        switch (l, r) {
        case (.int(let a), .int(let b)): return order(op, a < b ? -1 : a > b ? 1 : 0)
        case (.float(let a), .float(let b)):
            switch op {
            case .less: return a < b
            case .lessEqual: return a <= b
            case .greater: return a > b
            case .greaterEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            default: return nil
            }
        case (.str(let a), .str(let b)):
            if op == .equal { return a === b || a.value == b.value }
            if op == .notEqual { return !(a === b || a.value == b.value) }
            return order(op, compareStrings(a.value, b.value))
        case (.none, .none):
            if op == .equal { return true }
            if op == .notEqual { return false }
            return nil
        case (.bool(let a), .bool(let b)): return order(op, (a ? 1 : 0) - (b ? 1 : 0))
        default: break
        }
        if let c = try numericCompare(l, r) {
            guard let c = c else { return op == .notEqual }
            return order(op, c)
        }
        guard case .object(let lo) = l, case .object(let ro) = r else {
            if op == .equal || op == .notEqual, !(l.object is PyInstance) && !(r.object is PyInstance) {
                return op == .notEqual
            }
            return nil
        }
        if let a = lo as? PyList, let b = ro as? PyList { return try sequenceCompare(op, a.items, b.items) }
        if let a = lo as? PyTuple, let b = ro as? PyTuple { return try sequenceCompare(op, a.items, b.items) }
        if let a = lo as? PyDict, let b = ro as? PyDict {
            guard op == .equal || op == .notEqual else { return nil }
            try enterCall(" in comparison")
            defer { exitCall() }
            var same = a.count == b.count
            if same {
                for e in a.entries.compactMap({ $0 }) {
                    guard let other = b.get(e.hash), try equals(e.value, other) else { same = false; break }
                }
            }
            return op == .equal ? same : !same
        }
        if let a = lo as? PySet, let b = ro as? PySet {
            let aInB = a.slots.allSatisfy { b.contains($0.hashKey) }
            let bInA = b.slots.allSatisfy { a.contains($0.hashKey) }
            switch op {
            case .equal: return aInB && bInA
            case .notEqual: return !(aInB && bInA)
            case .lessEqual: return aInB
            case .less: return aInB && a.count < b.count
            case .greaterEqual: return bInA
            case .greater: return bInA && a.count > b.count
            default: return nil
            }
        }
        if let a = lo as? PyRange, let b = ro as? PyRange, op == .equal || op == .notEqual {
            let same = a.count == b.count && (a.count == 0 || (a.start == b.start && (a.count == 1 || a.step == b.step)))
            return op == .equal ? same : !same
        }
        if let a = lo as? DictView, let b = ro as? DictView, a.kind == .keys, b.kind == .keys, op == .equal || op == .notEqual {
            let same = a.dict.count == b.dict.count && a.dict.keys.allSatisfy { (try? hashKey($0)).map(b.dict.contains) ?? false }
            return op == .equal ? same : !same
        }
        if lo is PyInstance || ro is PyInstance { return nil }
        if op == .equal { return lo === ro }
        if op == .notEqual { return lo !== ro }
        return nil
    }

    /// Compares numbers of any kind exactly; `.some(nil)` for NaN, nil if either is not a number.
    private func numericCompare(_ l: Value, _ r: Value) throws -> Int?? {
        func asNumber(_ v: Value) -> (BigInt?, Double?)? {
            switch v {
            case .int(let i): return (BigInt(i), nil)
            case .bool(let b): return (b ? 1 : 0, nil)
            case .float(let d): return (nil, d)
            case .object(let o): if let b = o as? PyBigInt { return (b.value, nil) }; return nil
            default: return nil
            }
        }
        guard let a = asNumber(l), let b = asNumber(r) else { return nil }
        switch (a, b) {
        case ((let x?, _), (let y?, _)): return .some(x < y ? -1 : x > y ? 1 : 0)
        case ((let x?, _), (_, let y?)): return .some(IntMath.compare(x, y))
        case ((_, let x?), (let y?, _)): return .some(IntMath.compare(y, x).map { -$0 })
        case ((_, let x?), (_, let y?)):
            if x.isNaN || y.isNaN { return .some(nil) }
            return .some(x < y ? -1 : x > y ? 1 : 0)
        default: return nil
        }
    }

    /// Python compares strings by code point.
    func compareStrings(_ a: String, _ b: String) -> Int {
        var i = a.unicodeScalars.makeIterator(), j = b.unicodeScalars.makeIterator()
        while true {
            switch (i.next(), j.next()) {
            case (nil, nil): return 0
            case (nil, _): return -1
            case (_, nil): return 1
            case (let x?, let y?):
                if x != y { return x.value < y.value ? -1 : 1 }
            }
        }
    }

    private func sequenceCompare(_ op: CompareOp, _ a: [Value], _ b: [Value]) throws -> Bool? {
        try enterCall(" in comparison")
        defer { exitCall() }
        if (op == .equal || op == .notEqual) && a.count != b.count { return op == .notEqual }
        for (x, y) in zip(a, b) where !(try equals(x, y)) {
            if op == .equal { return false }
            if op == .notEqual { return true }
            return try isTruthy(try richCompare(op, x, y))
        }
        return order(op, a.count < b.count ? -1 : a.count > b.count ? 1 : 0)
    }

    // MARK: - Membership

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let sub) = item else {
                throw PyError(.typeError, "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.value.isEmpty || s.value.contains(sub.value)
        case .object(let o):
            if let l = o as? PyList {
                for x in l.items where try equals(x, item) { return true }
                return false
            }
            if let t = o as? PyTuple {
                for x in t.items where try equals(x, item) { return true }
                return false
            }
            if let d = o as? PyDict { return d.contains(try hashKey(item)) }
            if let s = o as? PySet { return s.contains(try hashKey(item)) }
            if let r = o as? PyRange {
                guard case .int(let i) = item else {
                    for x in try iterate(container) where try equals(x, item) { return true }
                    return false
                }
                if r.step > 0 ? (i < r.start || i >= r.stop) : (i > r.start || i <= r.stop) { return false }
                return (i - r.start) % r.step == 0
            }
            if let view = o as? DictView {
                if view.kind == .keys { return view.dict.contains(try hashKey(item)) }
            }
            if o is PyInstance, let method = container.pyType.lookup(.dunderContains) {
                return try isTruthy(try callDescriptor(method, container, Arguments([item])))
            }
        default:
            break
        }
        guard isIterable(container) else {
            throw PyError(.typeError, "argument of type '\(container.typeName)' is not iterable")
        }
        let it = try makeIterator(container)
        while let x = try it.next(self) {
            try tick()
            if try equals(x, item) { return true }
        }
        return false
    }

    // MARK: - Hashing

    /// The dict/set key of `v`; TypeError for unhashable values.
    public func hashKey(_ v: Value) throws -> HashKey {
        switch v {
        case .none: return .none
        case .bool(let b): return .int(b ? 1 : 0)
        case .int(let i): return .int(i)
        case .float(let d):
            if d == d.rounded(.towardZero) && d.isFinite {
                if let i = Int(exactly: d) { return .int(i) }
                return .bigInt(BigInt(d))
            }
            return .float(d.isNaN ? Double.nan.bitPattern : d.bitPattern)
        case .str(let s): return .str(s.value)
        case .object(let o):
            if let b = o as? PyBigInt { return .bigInt(b.value) }
            if let t = o as? PyTuple {
                try enterCall()
                defer { exitCall() }
                return .tuple(try t.items.map { try hashKey($0) })
            }
            if let s = o as? PySet {
                if s.isFrozen { return .frozenSet(Set(s.slots.map { $0.hashKey })) }
                throw PyError(.typeError, "unhashable type: 'set'")
            }
            if o is PyList { throw PyError(.typeError, "unhashable type: 'list'") }
            if o is PyDict { throw PyError(.typeError, "unhashable type: 'dict'") }
            if o is DictView { throw PyError(.typeError, "unhashable type: '\(v.typeName)'") }
            if o === PyNotImplementedType.shared { return .notImplemented }
            if o === PyEllipsisType.shared { return .ellipsis }
            // NumPy scalars are dict keys equal to the Python numbers they hold.
            if let number = NumpyArray.pythonNumber(v) { return try hashKey(number) }
            if let inst = o as? PyInstance {
                if let h = inst.cls.lookup(.dunderHash) {
                    if h.isNone { throw PyError(.typeError, "unhashable type: '\(inst.cls.name)'") }
                    if case .object(let f) = h, f is PyFunction {
                        let result = try callDescriptor(h, v, .empty)
                        guard IntMath.big(result) != nil else {
                            throw PyError(.typeError, "__hash__ method should return an integer")
                        }
                    }
                }
            }
            return .identity(ObjectIdentifier(o), serial: o.serial)
        }
    }

    /// Python's `hash(v)`.
    func pythonHash(_ v: Value) throws -> Int {
        if case .object(let o) = v, let inst = o as? PyInstance, let h = inst.cls.lookup(.dunderHash), case .object(let f) = h, f is PyFunction {
            let result = try callDescriptor(h, v, .empty)
            guard let b = IntMath.big(result) else { throw PyError(.typeError, "__hash__ method should return an integer") }
            return PySet.hashBig(b)
        }
        return PySet.pythonHash(try hashKey(v))
    }
}
