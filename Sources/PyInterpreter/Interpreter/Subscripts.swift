extension PySlice {
    /// CPython's `slice.indices(length)`: normalized start, stop, step and the element count.
    func resolve(length: Int, _ interp: Interpreter) throws -> (start: Int, stop: Int, step: Int, count: Int) {
        func clampIndex(_ v: Value) throws -> Int? {
            if v.isNone { return nil }
            if let big = IntMath.big(v), Int(exactly: big) == nil { return big.sign == .minus ? Int.min / 2 : Int.max / 2 }
            do {
                return try interp.indexValue(v)
            } catch let e as PyError where e.type.isSubtype(of: .typeError) {
                throw PyError(.typeError, "slice indices must be integers or None or have an __index__ method")
            }
        }
        // -Int.max, not Int.min, so the step can be negated.
        let step = Swift.max(try clampIndex(self.step) ?? 1, -Int.max)
        if step == 0 { throw PyError(.valueError, "slice step cannot be zero") }
        var start: Int, stop: Int
        if let s = try clampIndex(self.start) {
            start = s < 0 ? Swift.max(s + length, step < 0 ? -1 : 0) : Swift.min(s, step < 0 ? length - 1 : length)
        } else {
            start = step < 0 ? length - 1 : 0
        }
        if let s = try clampIndex(self.stop) {
            stop = s < 0 ? Swift.max(s + length, step < 0 ? -1 : 0) : Swift.min(s, step < 0 ? length - 1 : length)
        } else {
            stop = step < 0 ? -1 : length
        }
        let count: Int
        if step > 0 { count = start < stop ? (stop - start - 1) / step + 1 : 0 }
        else { count = stop < start ? (start - stop - 1) / (-step) + 1 : 0 }
        return (start, stop, step, count)
    }
}

extension Interpreter {
    private func normalizedIndex(_ index: Value, count: Int, what: String) throws -> Int {
        let i: Int
        do {
            i = try indexValue(index)
        } catch let e as PyError where e.type.isSubtype(of: .typeError) {
            throw PyError(.typeError, "\(what) indices must be integers or slices, not \(index.typeName)")
        } catch let e as PyError where e.type.isSubtype(of: .indexError) {
            throw PyError(.indexError, "cannot fit 'int' into an index-sized integer")
        }
        let j = i < 0 ? i + count : i
        if j < 0 || j >= count { throw PyError(.indexError, "\(what) index out of range") }
        return j
    }

    private func sliceItems<T>(_ items: [T], _ slice: PySlice) throws -> [T] {
        let (start, _, step, count) = try slice.resolve(length: items.count, self)
        if step == 1 { return Array(items[start..<(start + count)]) }
        var out: [T] = []
        out.reserveCapacity(count)
        var i = start
        for _ in 0..<count {
            out.append(items[i])
            i += step
        }
        return out
    }

    /// `obj[index]`.
    public func getItem(_ obj: Value, _ index: Value) throws -> Value {
        switch obj {
        case .str(let s):
            if case .object(let o) = index, let slice = o as? PySlice {
                return .string(String(scalars: try sliceItems(s.scalars, slice)))
            }
            let i: Int
            do { i = try indexValue(index) } catch let e as PyError where e.type.isSubtype(of: .typeError) {
                throw PyError(.typeError, "string indices must be integers, not '\(index.typeName)'")
            }
            let scalars = s.scalars
            let j = i < 0 ? i + scalars.count : i
            if j < 0 || j >= scalars.count { throw PyError(.indexError, "string index out of range") }
            return .str(PyStr.single(scalars[j]))
        case .object(let o):
            if let l = o as? PyList {
                if case .object(let io) = index, let slice = io as? PySlice { return .list(try sliceItems(l.items, slice)) }
                if case .int(let i) = index, i >= 0, i < l.items.count { return l.items[i] }
                return l.items[try normalizedIndex(index, count: l.items.count, what: "list")]
            }
            if let t = o as? PyTuple {
                if case .object(let io) = index, let slice = io as? PySlice { return .tuple(try sliceItems(t.items, slice)) }
                return t.items[try normalizedIndex(index, count: t.items.count, what: "tuple")]
            }
            if let d = o as? PyDict {
                if let v = d.get(try hashKey(index)) { return v }
                throw PyError.keyError(index)
            }
            if let r = o as? PyRange {
                if case .object(let io) = index, let slice = io as? PySlice {
                    let (start, _, step, count) = try slice.resolve(length: r.count, self)
                    let first = r.element(start)
                    let (newStep, o1) = r.step.multipliedReportingOverflow(by: step)
                    let (width, o2) = count.multipliedReportingOverflow(by: newStep)
                    let (stop, o3) = first.addingReportingOverflow(width)
                    if o1 || o2 || o3 { throw PyError(.overflowError, "Python int too large to convert to C ssize_t") }
                    return .object(PyRange(start: first, stop: stop, step: newStep))
                }
                return .int(r.element(try normalizedIndex(index, count: r.count, what: "range object")))
            }
            if o is PyInstance, let method = obj.pyType.lookup(.dunderGetitem) {
                return try callDescriptor(method, obj, Arguments([index]))
            }
            if let t = o as? PyType {
                if let classGetItem = t.lookup(Symbol.intern("__class_getitem__")) {
                    return try callDescriptor(classGetItem, obj, Arguments([index]))
                }
                if !t.isImmutable || t === PyType.list || t === PyType.dict || t === PyType.tuple || t === PyType.set || t === PyType.typeType {
                    return obj
                }
                throw PyError(.typeError, "type '\(t.name)' is not subscriptable")
            }
        default:
            break
        }
        throw PyError(.typeError, "'\(obj.typeName)' object is not subscriptable")
    }

    /// `obj[index] = value`.
    public func setItem(_ obj: Value, _ index: Value, _ value: Value) throws {
        if case .object(let o) = obj {
            if let l = o as? PyList {
                if case .object(let io) = index, let slice = io as? PySlice {
                    try assignSlice(l, slice, value)
                    return
                }
                if case .int(let i) = index, i >= 0, i < l.items.count {
                    l.items[i] = value
                    return
                }
                let j: Int
                do { j = try normalizedIndex(index, count: l.items.count, what: "list") } catch let e as PyError where e.type.isSubtype(of: .indexError) {
                    throw PyError(.indexError, "list assignment index out of range")
                }
                l.items[j] = value
                return
            }
            if let d = o as? PyDict {
                d.set(index, hash: try hashKey(index), value)
                if d.count & 0xFFF == 0 { try checkSize(d.count) }
                return
            }
            if o is PyInstance, let method = obj.pyType.lookup(.dunderSetitem) {
                _ = try callDescriptor(method, obj, Arguments([index, value]))
                return
            }
        }
        throw PyError(.typeError, "'\(obj.typeName)' object does not support item assignment")
    }

    private func assignSlice(_ l: PyList, _ slice: PySlice, _ value: Value) throws {
        guard isIterable(value) else {
            throw PyError(.typeError, slice.step.isNone ? "can only assign an iterable" : "must assign iterable to extended slice")
        }
        let items = try iterate(value)
        let (start, _, step, count) = try slice.resolve(length: l.items.count, self)
        if step == 1 {
            l.items.replaceSubrange(start..<(start + count), with: items)
            try checkSize(l.items.count)
            return
        }
        if items.count != count {
            throw PyError(.valueError, "attempt to assign sequence of size \(items.count) to extended slice of size \(count)")
        }
        var i = start
        for item in items {
            l.items[i] = item
            i += step
        }
    }

    /// `del obj[index]`.
    public func deleteItem(_ obj: Value, _ index: Value) throws {
        if case .object(let o) = obj {
            if let l = o as? PyList {
                if case .object(let io) = index, let slice = io as? PySlice {
                    let (start, _, step, count) = try slice.resolve(length: l.items.count, self)
                    if step == 1 {
                        l.items.removeSubrange(start..<(start + count))
                    } else {
                        let doomed = Set((0..<count).map { start + $0 * step })
                        l.items = l.items.enumerated().filter { !doomed.contains($0.offset) }.map { $0.element }
                    }
                    return
                }
                let j: Int
                do { j = try normalizedIndex(index, count: l.items.count, what: "list") } catch let e as PyError where e.type.isSubtype(of: .indexError) {
                    throw PyError(.indexError, "list assignment index out of range")
                }
                l.items.remove(at: j)
                return
            }
            if let d = o as? PyDict {
                if d.remove(try hashKey(index)) == nil { throw PyError.keyError(index) }
                return
            }
            if o is PyInstance, let method = obj.pyType.lookup(.dunderDelitem) {
                _ = try callDescriptor(method, obj, Arguments([index]))
                return
            }
            if o is PyTuple { throw PyError(.typeError, "'tuple' object doesn't support item deletion") }
        }
        if case .str = obj { throw PyError(.typeError, "'str' object doesn't support item deletion") }
        throw PyError(.typeError, "'\(obj.typeName)' object does not support item deletion")
    }
}
