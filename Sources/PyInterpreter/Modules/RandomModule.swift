import BigInt

/// Python's `random` module on PyLib's CPython-exact generator (Mersenne
/// Twister, same streams for the same seeds). One generator per session.
enum RandomModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "random")
        let rng = PyRandom()
        func checked<T>(_ body: () throws(PyFormatError) -> T) throws -> T {
            do { return try body() } catch { throw PyError(error) }
        }
        func integer(_ v: Value, _ what: String) throws -> BigInt {
            if let b = IntMath.big(v) { return b }
            if case .float(let d) = v, d == d.rounded(), let b = IntMath.big(try IntMath.fromDouble(d)) { return b }
            if v.instance != nil { return BigInt(try interp.indexValue(v)) }
            throw PyError(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
        }
        func sequence(_ v: Value) throws -> [Value] {
            switch v {
            case .str, .object: return try interp.iterate(v)
            default: throw PyError(.typeError, "object of type '\(v.typeName)' has no len()")
            }
        }

        m.addFunction("seed") { interp, args in
            let a = try NativeSignature("seed", .init("a", default: .none), .init("version", default: .int(2))).bind(args)
            let v = a["a"]
            if case .none = v {
                rng.seed(PyRandom.defaultSeed)
            } else if case .str(let s) = v {
                rng.seed(string: s.value)
            } else if let n = IntMath.big(v) {
                rng.seed(n)
            } else {
                rng.seed(BigInt(try interp.pythonHash(v)))
            }
            return .none
        }
        m.addFunction("random") { _, args in
            _ = try args.exactly(0, "random")
            return .float(rng.random())
        }
        m.addFunction("getrandbits") { interp, args in
            let k = try interp.indexValue(try args.exactly(1, "getrandbits")[0])
            if k > IntMath.maxBits { throw PyError(.memoryError, "integer result too large (more than \(IntMath.maxBits) bits)") }
            return .integer(try checked { () throws(PyFormatError) in try rng.getrandbits(k) })
        }
        m.addFunction("randrange") { _, args in
            let a = try NativeSignature("randrange", "start", .init("stop", default: .none), .init("step", default: .none)).bind(args)
            let start = try integer(a["start"], "start")
            let stop = try a.optional("stop").map { try integer($0, "stop") }
            let step = try a.optional("step").map { try integer($0, "step") }
            return .integer(try checked { () throws(PyFormatError) in try rng.randrange(start, stop, step: step) })
        }
        m.addFunction("randint") { _, args in
            let p = try args.exactly(2, "randint")
            let lo = try integer(p[0], "a"), hi = try integer(p[1], "b")
            return .integer(try checked { () throws(PyFormatError) in try rng.randint(lo, hi) })
        }
        m.addFunction("choice") { interp, args in
            let seq = try args.exactly(1, "choice")[0]
            let n = try interp.length(seq)
            let i = try checked { () throws(PyFormatError) in try rng.choice(count: n) }
            return try interp.getItem(seq, .int(i))
        }
        m.addFunction("shuffle") { _, args in
            let v = try args.exactly(1, "shuffle")[0]
            guard case .object(let o) = v, let list = o as? PyList else {
                throw PyError(.typeError, "'\(v.typeName)' object does not support item assignment")
            }
            rng.shuffle(&list.items)
            return .none
        }
        m.addFunction("sample") { interp, args in
            let a = try NativeSignature("sample", "population", "k", .keywordOnly("counts", default: .none)).bind(args)
            let population = try sequence(a["population"])
            let k = try interp.indexValue(a["k"])
            let picks = try checked { () throws(PyFormatError) in try rng.sample(count: population.count, k: k) }
            return .list(picks.map { population[$0] })
        }
        m.addFunction("choices") { interp, args in
            let a = try NativeSignature("choices", "population", .init("weights", default: .none),
                                        .keywordOnly("cum_weights", default: .none), .keywordOnly("k", default: .int(1))).bind(args)
            let population = try sequence(a["population"])
            let k = try interp.indexValue(a["k"])
            try interp.checkSize(k)
            var cumulative: [Double]? = nil
            if let w = a.optional("weights") {
                if a.optional("cum_weights") != nil { throw PyError(.typeError, "Cannot specify both weights and cumulative weights") }
                var total = 0.0
                cumulative = try interp.iterate(w).map { total += try interp.toDouble($0); return total }
            } else if let c = a.optional("cum_weights") {
                cumulative = try interp.iterate(c).map { try interp.toDouble($0) }
            }
            let picks: [Int]
            if let cw = cumulative {
                if cw.count != population.count { throw PyError(.valueError, "The number of weights does not match the population") }
                picks = try checked { () throws(PyFormatError) in try rng.choices(cumulativeWeights: cw, k: k) }
            } else {
                picks = try checked { () throws(PyFormatError) in try rng.choices(count: population.count, k: k) }
            }
            return .list(picks.map { population[$0] })
        }
        m.addFunction("uniform") { interp, args in
            let p = try args.exactly(2, "uniform")
            return .float(rng.uniform(try interp.toDouble(p[0]), try interp.toDouble(p[1])))
        }
        m.addFunction("triangular") { interp, args in
            let a = try NativeSignature("triangular", .init("low", default: .float(0)), .init("high", default: .float(1)), .init("mode", default: .none)).bind(args)
            return .float(rng.triangular(low: try a.double("low"), high: try a.double("high"), mode: try a.optional("mode").map { try interp.toDouble($0) }))
        }
        m.addFunction("gauss") { _, args in
            let a = try NativeSignature("gauss", .init("mu", default: .float(0)), .init("sigma", default: .float(1))).bind(args)
            return .float(rng.gauss(try a.double("mu"), try a.double("sigma")))
        }
        m.addFunction("normalvariate") { _, args in
            let a = try NativeSignature("normalvariate", .init("mu", default: .float(0)), .init("sigma", default: .float(1))).bind(args)
            return .float(rng.normalvariate(try a.double("mu"), try a.double("sigma")))
        }
        m.addFunction("lognormvariate") { _, args in
            let a = try NativeSignature("lognormvariate", "mu", "sigma").bind(args)
            return .float(rng.lognormvariate(try a.double("mu"), try a.double("sigma")))
        }
        m.addFunction("expovariate") { interp, args in
            let lambd = try interp.toDouble(try args.exactly(1, "expovariate")[0])
            return .float(try checked { () throws(PyFormatError) in try rng.expovariate(lambd) })
        }
        return m
    }
}
