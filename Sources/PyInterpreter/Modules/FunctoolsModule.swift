/// `functools`: `reduce` and `partial` as CPython computes them; `lru_cache`,
/// `cache` and `wraps` return the function itself (results are the same,
/// only uncached), so decorated tutorial code runs unchanged.
enum FunctoolsModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "functools")
        m.addFunction("reduce") { interp, args in
            let p = try args.between(2, 3, "reduce")
            let items = try interp.makeIterator(p[1])
            var total: Value
            if p.count == 3 {
                total = p[2]
            } else if let first = try items.next(interp) {
                total = first
            } else {
                throw PyError(.typeError, "reduce() of empty iterable with no initial value")
            }
            while let v = try items.next(interp) { total = try interp.call(p[0], Arguments([total, v])) }
            return total
        }
        m.addFunction("partial") { _, args in
            guard let function = args.positional.first else {
                throw PyError(.typeError, "type 'partial' takes at least one argument")
            }
            let bound = Array(args.positional.dropFirst()), keywords = args.keywords
            return .object(PyNativeFunction(name: "partial") { interp, call in
                // Keywords given at the call override the bound ones, as in CPython.
                let overridden = Set(call.keywords.map { ObjectIdentifier($0.name) })
                let merged = keywords.filter { !overridden.contains(ObjectIdentifier($0.name)) } + call.keywords
                return try interp.call(function, Arguments(bound + call.positional, keywords: merged))
            })
        }
        // `@lru_cache`, `@lru_cache(maxsize=…)`, `@cache`: the function itself.
        m.addFunction("lru_cache") { _, args in
            if let f = args.positional.first, !f.isNone, !isMaxsize(f) { return f }
            return .object(PyNativeFunction(name: "decorating_function") { _, inner in inner.positional.first ?? .none })
        }
        m.addFunction("cache") { _, args in try args.exactly(1, "cache")[0] }
        m.addFunction("wraps") { _, _ in
            .object(PyNativeFunction(name: "update_wrapper") { _, inner in inner.positional.first ?? .none })
        }
        return m
    }

    /// `lru_cache(128)`: a size, not the function to decorate.
    private static func isMaxsize(_ v: Value) -> Bool {
        if case .int = v { return true }
        return false
    }
}
