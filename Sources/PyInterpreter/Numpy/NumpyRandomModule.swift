import Autograd

/// `numpy.random`'s legacy functions on one global `NumpyRandomState` per
/// session. Unseeded sessions start from seed 0 (NumPy would use OS entropy;
/// notebook output must be reproducible).
enum NumpyRandomModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "numpy.random")
        let state = NumpyRandomState()

        /// `size=None` draws one scalar (a Python float); otherwise an array.
        func draw(_ size: Value, dtype: DType = .float64, _ next: () throws -> Double) throws -> Value {
            if size.isNone {
                let v = try next()
                return dtype == .int64 ? .int(Int(v)) : .float(v)
            }
            let shape = try NumpyModule.shape(interp, size)
            let count = try NumpyModule.elementCount(shape, dtype: dtype)
            let values = try (0..<count).map { _ in try interp.tick(); return try next() }
            return try NumpyArray.make(Tensor.from(values, shape: shape, dtype: dtype))
        }
        /// `rand(2, 3)` / `randn(2, 3)`: sizes as separate ints; none → a scalar.
        func dims(_ args: Arguments) -> Value { args.positional.isEmpty ? .none : .tuple(args.positional) }

        m.addFunction("seed") { interp, args in
            let a = try NativeSignature("seed", .init("seed", default: .none)).bind(args)
            let seed = a["seed"].isNone ? 0 : try interp.indexValue(a["seed"])
            guard seed >= 0 && seed <= 0xFFFF_FFFF else { throw PyError(.valueError, "Seed must be between 0 and 2**32 - 1") }
            state.seed(UInt32(seed))
            return .none
        }
        m.addFunction("rand") { _, args in try draw(dims(args)) { state.nextDouble() } }
        m.addFunction("randn") { _, args in try draw(dims(args)) { state.nextGauss() } }
        for name in ["random", "random_sample", "sample"] {
            m.addFunction(name) { _, args in
                let a = try NativeSignature(name, .init("size", default: .none)).bind(args)
                return try draw(a["size"]) { state.nextDouble() }
            }
        }
        m.addFunction("uniform") { interp, args in
            let a = try NativeSignature("uniform", .init("low", default: .float(0)), .init("high", default: .float(1)), .init("size", default: .none)).bind(args)
            let (low, high) = (try interp.toDouble(a["low"]), try interp.toDouble(a["high"]))
            return try draw(a["size"]) { low + (high - low) * state.nextDouble() }
        }
        m.addFunction("normal") { interp, args in
            let a = try NativeSignature("normal", .init("loc", default: .float(0)), .init("scale", default: .float(1)), .init("size", default: .none)).bind(args)
            let (loc, scale) = (try interp.toDouble(a["loc"]), try interp.toDouble(a["scale"]))
            guard scale >= 0 else { throw PyError(.valueError, "scale < 0") }
            return try draw(a["size"]) { loc + scale * state.nextGauss() }
        }
        m.addFunction("randint") { interp, args in
            let a = try NativeSignature("randint", "low", .init("high", default: .none), .init("size", default: .none)).bind(args)
            var (low, high) = (try interp.indexValue(a["low"]), a["high"].isNone ? 0 : try interp.indexValue(a["high"]))
            if a["high"].isNone { (low, high) = (0, low) }
            guard low < high else { throw PyError(.valueError, "low >= high") }
            // Arrays hold their elements as doubles on the way in: exact up to 2**53.
            guard Swift.max(Swift.abs(low), Swift.abs(high)) <= 1 << 53 else {
                throw PyError(.valueError, "Litgrad's randint supports bounds up to 2**53 in magnitude")
            }
            let range = UInt64(bitPattern: Int64(high) &- Int64(low) &- 1)
            return try draw(a["size"], dtype: .int64) { Double(Int64(low) &+ Int64(bitPattern: state.bounded(range))) }
        }
        m.addFunction("shuffle") { interp, args in
            let x = try args.exactly(1, "shuffle")[0]
            if case .object(let o) = x, let list = o as? PyList {
                for i in stride(from: list.items.count - 1, to: 0, by: -1) {
                    let j = Int(state.interval(UInt64(i)))
                    list.items.swapAt(i, j)
                }
                return .none
            }
            let t = try NumpyArray.this(x)
            let shuffled = try permuted(t)
            try GradMode.with(enabled: false) { try t.indexPut([.ellipsis], shuffled) }
            return .none
        }
        m.addFunction("permutation") { interp, args in
            let x = try args.exactly(1, "permutation")[0]
            if case .int(let n) = x {
                guard n >= 0 else { throw PyError(.valueError, "negative dimensions are not allowed") }
                _ = try NumpyModule.elementCount([n], dtype: .int64)
                return try NumpyArray.make(permuted(Tensor.from((0..<n).map(Double.init), shape: [n], dtype: .int64)))
            }
            return try NumpyArray.make(permuted(NumpyConvert.array(interp, x, dtype: nil)))
        }
        m.addFunction("choice") { interp, args in
            let a = try NativeSignature("choice", "a", .init("size", default: .none), .init("replace", default: .bool(true)), .init("p", default: .none)).bind(args)
            let population: Tensor
            if case .int(let n) = a["a"] {
                guard n > 0 else { throw PyError(.valueError, "a must be a positive integer unless no samples are taken") }
                _ = try NumpyModule.elementCount([n], dtype: .int64)
                population = try Tensor.from((0..<n).map(Double.init), shape: [n], dtype: .int64)
            } else {
                population = try NumpyConvert.array(interp, a["a"], dtype: nil)
                guard population.dim == 1, population.count > 0 else { throw PyError(.valueError, "a must be 1-dimensional and non-empty") }
            }
            let n = population.count
            let values = population.doubles()
            if !a["p"].isNone {
                guard try a.bool("replace") else { throw PyError(.notImplementedError, "Litgrad's np.random.choice supports p= with replace=True only") }
                let cdf = try cumulative(NumpyConvert.array(interp, a["p"], dtype: .float64).doubles(), count: n)
                // Legacy choice: uniform draws placed in the normalised running sum (searchsorted, side='right').
                let pick = { () -> Double in
                    let u = state.nextDouble()
                    var lo = 0, hi = cdf.count
                    while lo < hi { let mid = (lo + hi) / 2; if cdf[mid] <= u { lo = mid + 1 } else { hi = mid } }
                    return values[lo]
                }
                guard a["size"].isNone else { return try draw(a["size"], dtype: population.dtype, pick) }
                if TorchValues.isInt(a["a"]) { return .int(Int(pick())) }
                return try NumpyArray.element(Tensor.scalar(pick(), dtype: population.dtype))
            }
            if try a.bool("replace") {
                let pick = { values[Int(state.bounded(UInt64(n - 1)))] }
                guard a["size"].isNone else { return try draw(a["size"], dtype: population.dtype, pick) }
                // choice(n) gives a Python int; picking from an array gives its scalar type.
                if TorchValues.isInt(a["a"]) { return .int(Int(pick())) }
                return try NumpyArray.element(Tensor.scalar(pick(), dtype: population.dtype))
            }
            let count = a["size"].isNone ? 1 : try NumpyModule.elementCount(NumpyModule.shape(interp, a["size"]), dtype: population.dtype)
            guard count <= n else { throw PyError(.valueError, "Cannot take a larger sample than population when 'replace=False'") }
            let order = try permuted(Tensor.from((0..<n).map(Double.init), shape: [n], dtype: .int64)).int64s()
            let picked = order.prefix(count).map { values[Int($0)] }
            if a["size"].isNone { return try NumpyArray.element(Tensor.scalar(picked[0], dtype: population.dtype)) }
            return try NumpyArray.make(Tensor.from(Array(picked), shape: NumpyModule.shape(interp, a["size"]), dtype: population.dtype))
        }

        /// The running sum of the probabilities divided by its last value, after NumPy's checks.
        func cumulative(_ p: [Double], count: Int) throws -> [Double] {
            guard p.count == count else { throw PyError(.valueError, "'a' and 'p' must have same size") }
            guard !p.contains(where: { $0.isNaN }) else { throw PyError(.valueError, "probabilities contain NaN") }
            guard !p.contains(where: { $0 < 0 }) else { throw PyError(.valueError, "probabilities are not non-negative") }
            // Kahan-summed total within sqrt(float64 eps) of 1.
            var total = 0.0, compensation = 0.0
            for x in p {
                let y = x - compensation
                let t = total + y
                compensation = (t - total) - y
                total = t
            }
            guard Swift.abs(total - 1) <= 1.4901161193847656e-08 else { throw PyError(.valueError, "probabilities do not sum to 1") }
            var running = 0.0
            var cdf = p.map { running += $0; return running }
            let last = cdf[cdf.count - 1]
            cdf = cdf.map { $0 / last }
            return cdf
        }

        /// Legacy shuffle of the first axis: for i from n-1 down to 1, swap i with interval(i).
        func permuted(_ t: Tensor) throws -> Tensor {
            guard t.dim > 0 else { throw PyError(.valueError, "x must be an integer or at least 1-dimensional") }
            var order = Array(0..<t.shape[0])
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(i, Int(state.interval(UInt64(i))))
            }
            let index = try Tensor.from(order.map(Double.init), shape: [order.count], dtype: .int64)
            return try t.index([.tensor(index)])
        }
        return m
    }
}
