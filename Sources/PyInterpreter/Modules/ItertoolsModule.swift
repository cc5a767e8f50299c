/// `itertools`: the iterator building blocks tutorials use, lazy as in
/// CPython (so `count()` and `cycle()` may be infinite), producing items in
/// CPython's order (the reference implementations of its documentation).
enum ItertoolsModule {
    /// An iterator whose next item comes from a closure.
    final class Lazy: PyIterator {
        let name: String
        let step: (Interpreter) throws -> Value?
        init(_ name: String, _ step: @escaping (Interpreter) throws -> Value?) {
            self.name = name
            self.step = step
        }
        override func next(_ interp: Interpreter) throws -> Value? { try step(interp) }
        override var typeName: String { "itertools.\(name)" }
    }

    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "itertools")
        m.addFunction("count") { _, args in
            let a = try NativeSignature("count", .init("start", default: .int(0)), .init("step", default: .int(1))).bind(args)
            var current = a["start"]
            let step = a["step"]
            return .object(Lazy("count") { interp in
                defer { current = (try? interp.binaryOperation(.add, current, step)) ?? current }
                return current
            })
        }
        m.addFunction("repeat") { interp, args in
            let a = try NativeSignature("repeat", "object", .init("times", default: .none)).bind(args)
            let value = a["object"]
            var left = try a.optional("times").map { try interp.indexValue($0) }
            return .object(Lazy("repeat") { _ in
                if let n = left {
                    guard n > 0 else { return nil }
                    left = n - 1
                }
                return value
            })
        }
        m.addFunction("cycle") { interp, args in
            let source = try interp.makeIterator(try args.exactly(1, "cycle")[0])
            var saved: [Value] = [], index = 0, exhausted = false
            return .object(Lazy("cycle") { interp in
                if !exhausted {
                    if let v = try source.next(interp) { saved.append(v); return v }
                    exhausted = true
                }
                guard !saved.isEmpty else { return nil }
                defer { index = (index + 1) % saved.count }
                return saved[index]
            })
        }
        m.addFunction("chain") { interp, args in
            var iterables = args.positional[...]
            var current: PyIterator? = nil
            return .object(Lazy("chain") { interp in
                while true {
                    if let it = current, let v = try it.next(interp) { return v }
                    guard let next = iterables.popFirst() else { return nil }
                    current = try interp.makeIterator(next)
                }
            })
        }
        m.addFunction("islice") { interp, args in
            let p = try args.between(2, 4, "islice")
            let source = try interp.makeIterator(p[0])
            func bound(_ v: Value) throws -> Int? { v.isNone ? nil : try interp.indexValue(v) }
            let start = p.count > 2 ? try bound(p[1]) ?? 0 : 0
            let stop = try bound(p.count > 2 ? p[2] : p[1])
            let step = p.count > 3 ? try bound(p[3]) ?? 1 : 1
            guard start >= 0, stop.map({ $0 >= 0 }) ?? true else {
                throw PyError(.valueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
            }
            guard step > 0 else { throw PyError(.valueError, "Step for islice() must be a positive integer or None.") }
            var position = 0, nextWanted = start
            return .object(Lazy("islice") { interp in
                if let stop, nextWanted >= stop { return nil }
                while let v = try source.next(interp) {
                    defer { position += 1 }
                    if position == nextWanted {
                        nextWanted += step
                        return v
                    }
                }
                return nil
            })
        }
        m.addFunction("accumulate") { interp, args in
            let a = try NativeSignature("accumulate", "iterable", .init("func", default: .none), .keywordOnly("initial", default: .none)).bind(args)
            let source = try interp.makeIterator(a["iterable"])
            let function = a["func"]
            var total: Value? = a["initial"].isNone ? nil : a["initial"]
            var startedWithInitial = total != nil
            return .object(Lazy("accumulate") { interp in
                if startedWithInitial { startedWithInitial = false; return total }
                guard let v = try source.next(interp) else { return nil }
                if let t = total {
                    total = function.isNone ? try interp.binaryOperation(.add, t, v) : try interp.call(function, Arguments([t, v]))
                } else {
                    total = v
                }
                return total
            })
        }
        m.addFunction("zip_longest") { interp, args in
            let fill = args.keyword("fillvalue") ?? .none
            let sources = try args.positional.map { try interp.makeIterator($0) }
            var active = sources.map { _ in true }
            return .object(Lazy("zip_longest") { interp in
                guard !sources.isEmpty else { return nil }
                var items: [Value] = []
                for (i, source) in sources.enumerated() {
                    if active[i], let v = try source.next(interp) { items.append(v) } else { active[i] = false; items.append(fill) }
                }
                return active.contains(true) ? .tuple(items) : nil
            })
        }
        m.addFunction("product") { interp, args in
            let repeatCount = try args.keyword("repeat").map { try interp.indexValue($0) } ?? 1
            guard repeatCount >= 0 else { throw PyError(.valueError, "repeat argument cannot be negative") }
            let pools = Array(repeating: try args.positional.map { try interp.iterate($0) }, count: repeatCount).flatMap { $0 }
            var indices = pools.map { _ in 0 }
            var done = pools.contains { $0.isEmpty }
            return .object(Lazy("product") { _ in
                guard !done else { return nil }
                let item = Value.tuple(zip(pools, indices).map { $0[$1] })
                // Advance like an odometer, rightmost fastest.
                var i = pools.count - 1
                while i >= 0 {
                    indices[i] += 1
                    if indices[i] < pools[i].count { break }
                    indices[i] = 0
                    i -= 1
                }
                if i < 0 { done = true }
                return item
            })
        }
        m.addFunction("combinations") { interp, args in
            let a = try NativeSignature("combinations", "iterable", "r").bind(args)
            let pool = try interp.iterate(a["iterable"])
            let r = try interp.indexValue(a["r"])
            guard r >= 0 else { throw PyError(.valueError, "r must be non-negative") }
            var indices = Array(0..<r)
            var first = true, done = r > pool.count
            return .object(Lazy("combinations") { _ in
                guard !done else { return nil }
                if !first {
                    // The rightmost index that can still move, as in CPython's reference code.
                    var i = r - 1
                    while i >= 0 && indices[i] == i + pool.count - r { i -= 1 }
                    guard i >= 0 else { done = true; return nil }
                    indices[i] += 1
                    for j in (i + 1)..<max(r, i + 1) { indices[j] = indices[j - 1] + 1 }
                }
                first = false
                return .tuple(indices.map { pool[$0] })
            })
        }
        m.addFunction("permutations") { interp, args in
            let a = try NativeSignature("permutations", "iterable", .init("r", default: .none)).bind(args)
            let pool = try interp.iterate(a["iterable"])
            let n = pool.count
            let r = try a.optional("r").map { try interp.indexValue($0) } ?? n
            guard r >= 0 else { throw PyError(.valueError, "r must be non-negative") }
            var indices = Array(0..<n)
            var cycles = Array(stride(from: n, to: n - r, by: -1))
            var first = true, done = r > n
            return .object(Lazy("permutations") { _ in
                guard !done else { return nil }
                if first {
                    first = false
                    return .tuple(indices.prefix(r).map { pool[$0] })
                }
                var i = r - 1
                while i >= 0 {
                    cycles[i] -= 1
                    if cycles[i] == 0 {
                        let moved = indices.remove(at: i)
                        indices.append(moved)
                        cycles[i] = n - i
                    } else {
                        indices.swapAt(i, n - cycles[i])
                        return .tuple(indices.prefix(r).map { pool[$0] })
                    }
                    i -= 1
                }
                done = true
                return nil
            })
        }
        return m
    }
}
