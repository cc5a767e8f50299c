import Autograd

/// The `torch` module: factories, math functions (shared with Tensor
/// methods), grad-mode switches, dtypes and printing options.
enum TorchModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch")
        m["Tensor"] = .object(TorchTypes.tensor)
        m["Size"] = .object(TorchTypes.size)
        m["dtype"] = .object(TorchTypes.dtype)
        m["device"] = .object(TorchTypes.device)
        for (name, d) in [("float32", DType.float32), ("float", .float32), ("float64", .float64), ("double", .float64),
                          ("int64", .int64), ("long", .int64), ("int32", .int32), ("int", .int32), ("bool", .bool)] {
            m[name] = TorchTypes.dtypeValue(d)
        }
        m["pi"] = .float(Double.pi)
        m["e"] = .float(2.718281828459045)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["__version__"] = .string("2.15.0")
        for f in TensorFunctions.all where f.form != .methodOnly {
            m.addFunction(f.name, f.functionBody)
        }
        TorchGeneratorBinding.register(m)
        LegacyTensorConstructor.register(m)
        GradModeBinding.register(m)
        factories(m)
        joins(m)
        misc(m)
        m["cuda"] = .object(cudaModule())
        return m
    }

    /// Common keyword arguments of factories.
    static let factoryKeywords: [NativeSignature.Parameter] = [
        .keywordOnly("dtype", default: .none), .keywordOnly("device", default: .none), .keywordOnly("layout", default: .none),
        .keywordOnly("requires_grad", default: .bool(false)), .keywordOnly("pin_memory", default: .bool(false)),
        .keywordOnly("generator", default: .none), .keywordOnly("out", default: .none),
    ]

    /// Applies `requires_grad=True` with the factory's error wording.
    static func finish(_ t: Tensor, _ a: BoundArguments) throws -> Value {
        if try a.bool("requires_grad") {
            guard t.dtype.isFloatingPoint else {
                throw PyError(.runtimeError, "Only Tensors of floating point and complex dtype can require gradients")
            }
            try t.setRequiresGrad(true)
        }
        return TorchValues.box(t)
    }

    static var defaultFloat: DType { EngineContext.current.defaultFloat }

    static func factories(_ m: PyModule) {
        let tensorSignature = NativeSignature("tensor", parameters: ["data"] + factoryKeywords)
        m.addFunction("tensor") { interp, args in
            let a = try tensorSignature.bind(args)
            if TorchValues.tensor(a["data"]) != nil, !NumpyArray.isNumpy(a["data"]) {
                interp.warn("To copy construct from a tensor, it is recommended to use sourceTensor.detach().clone() or sourceTensor.detach().clone().requires_grad_(True), rather than torch.tensor(sourceTensor).")
            }
            return try finish(try TorchValues.tensor(from: a["data"], dtype: try a.dtype(), interp: interp), a)
        }
        // Shares the array's memory, as PyTorch's does.
        m.addFunction("from_numpy") { _, args in
            let array = try args.exactly(1, "from_numpy")[0]
            guard array.pyType === NumpyArray.ndarray, let t = array.payload(Tensor.self) else {
                throw PyError(.typeError, "expected np.ndarray (got \(array.typeName))")
            }
            return TorchValues.box(t.detach())
        }
        m.addFunction("as_tensor") { interp, args in
            let a = try NativeSignature("as_tensor", parameters: ["data"] + factoryKeywords).bind(args)
            if let t = TorchValues.tensor(a["data"]) { return TorchValues.box(try a.dtype().map { try t.to($0) } ?? t) }
            return try finish(try TorchValues.tensor(from: a["data"], dtype: try a.dtype(), interp: interp), a)
        }
        func sized(_ name: String, _ make: @escaping ([Int], DType, BoundArguments) throws -> Tensor) {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, parameters: [.varPositional("size"), .keywordOnly("size", default: .none)] + factoryKeywords).bind(args)
                // Slot 1 is the keyword `size=`; `a["size"]` would name the `*size` tuple.
                let shapeArgs = a[1].isNone ? a.extraPositional : [a[1]]
                let shape = try TorchValues.shape(interp, shapeArgs, name)
                return try finish(try make(shape, try a.dtype() ?? defaultFloat, a), a)
            }
        }
        sized("zeros") { s, d, _ in try Tensor.zeros(s, dtype: d) }
        sized("ones") { s, d, _ in try Tensor.ones(s, dtype: d) }
        sized("empty") { s, d, _ in try Tensor.empty(s, dtype: d) }
        sized("rand") { s, d, a in try Tensor.rand(s, dtype: d, generator: TorchGeneratorBinding.generator(a)) }
        sized("randn") { s, d, a in try Tensor.randn(s, dtype: d, generator: TorchGeneratorBinding.generator(a)) }

        func like(_ name: String, extra: [NativeSignature.Parameter] = [], _ make: @escaping (Interpreter, Tensor, DType, BoundArguments) throws -> Tensor) {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, parameters: ["input"] + extra + factoryKeywords).bind(args)
                let t = try a.tensor("input")
                return try finish(try make(interp, t, try a.dtype() ?? t.dtype, a), a)
            }
        }
        like("zeros_like") { _, t, d, _ in try Tensor.zeros(t.shape, dtype: d) }
        like("ones_like") { _, t, d, _ in try Tensor.ones(t.shape, dtype: d) }
        like("empty_like") { _, t, d, _ in try Tensor.empty(t.shape, dtype: d) }
        like("full_like", extra: ["fill_value"]) { interp, t, d, a in try Tensor.full(t.shape, TorchValues.double(interp, a["fill_value"]), dtype: d) }
        like("rand_like") { _, t, d, a in try Tensor.rand(t.shape, dtype: d, generator: TorchGeneratorBinding.generator(a)) }
        like("randn_like") { _, t, d, a in try Tensor.randn(t.shape, dtype: d, generator: TorchGeneratorBinding.generator(a)) }

        m.addFunction("full") { interp, args in
            let a = try NativeSignature("full", parameters: ["size", "fill_value"] + factoryKeywords).bind(args)
            let fill = a["fill_value"]
            let inferred: DType
            switch fill {
            case .bool: inferred = .bool
            case .int: inferred = .int64
            default: inferred = defaultFloat
            }
            let shape = try TorchValues.ints(interp, a["size"], "full(): argument 'size'")
            return try finish(try Tensor.full(shape, TorchValues.double(interp, fill), dtype: a.dtype() ?? inferred), a)
        }
        m.addFunction("arange") { interp, args in
            let a = try NativeSignature("arange", parameters: ["start", .init("end", default: .none), .init("step", default: .int(1))] + factoryKeywords).bind(args)
            var start = a["start"], end = a["end"]
            if end.isNone { end = start; start = .int(0) }
            let step = a["step"]
            let allInts = [start, end, step].allSatisfy(TorchValues.isIntegral)
            let dtype = try a.dtype() ?? (allInts ? .int64 : defaultFloat)
            return try finish(try Tensor.arange(TorchValues.double(interp, start), TorchValues.double(interp, end),
                                                TorchValues.double(interp, step), dtype: dtype), a)
        }
        m.addFunction("linspace") { interp, args in
            let a = try NativeSignature("linspace", parameters: ["start", "end", "steps"] + factoryKeywords).bind(args)
            return try finish(try Tensor.linspace(TorchValues.double(interp, a["start"]), TorchValues.double(interp, a["end"]),
                                                  a.int("steps"), dtype: a.dtype() ?? defaultFloat), a)
        }
        m.addFunction("eye") { _, args in
            let a = try NativeSignature("eye", parameters: ["n", .init("m", default: .none)] + factoryKeywords).bind(args)
            return try finish(try Tensor.eye(a.int("n"), a.optionalInt("m"), dtype: a.dtype() ?? defaultFloat), a)
        }
        m.addFunction("randint") { interp, args in
            // randint(high, size) or randint(low, high, size)
            let a = try NativeSignature("randint", parameters: [.varPositional("args"), .keywordOnly("size", default: .none), .keywordOnly("low", default: .int(0)), .keywordOnly("high", default: .none)] + factoryKeywords).bind(args)
            var pos = a.extraPositional
            var sizeValue = a.optional("size")
            if sizeValue == nil, let last = pos.last, !TorchValues.isInt(last) { sizeValue = last; pos.removeLast() }
            guard let sizeValue else { throw PyError(.typeError, "randint() missing 1 required positional arguments: \"size\"") }
            var low = try TorchValues.int(a["low"], "randint(): argument 'low'"), high: Int
            switch pos.count {
            case 1: high = try TorchValues.int(pos[0], "randint(): argument 'high'")
            case 2: low = try TorchValues.int(pos[0], "randint(): argument 'low'"); high = try TorchValues.int(pos[1], "randint(): argument 'high'")
            default:
                guard let h = a.optional("high") else { throw PyError(.typeError, "randint() missing 1 required positional arguments: \"high\"") }
                high = try TorchValues.int(h, "randint(): argument 'high'")
            }
            let shape = try TorchValues.ints(interp, sizeValue, "randint(): argument 'size'")
            return try finish(try Tensor.randint(low: Int64(low), high: Int64(high), shape: shape, dtype: a.dtype() ?? .int64,
                                                 generator: TorchGeneratorBinding.generator(a)), a)
        }
        m.addFunction("randint_like") { interp, args in
            let a = try NativeSignature("randint_like", parameters: ["input", .varPositional("bounds")] + factoryKeywords).bind(args)
            let t = try a.tensor("input")
            let b = try a.extraPositional.map { try TorchValues.int($0, "randint_like(): argument 'high'") }
            let (low, high) = b.count == 2 ? (b[0], b[1]) : (0, b.first ?? 0)
            _ = interp
            return try finish(try Tensor.randint(low: Int64(low), high: Int64(high), shape: t.shape, dtype: a.dtype() ?? t.dtype,
                                                 generator: TorchGeneratorBinding.generator(a)), a)
        }
        m.addFunction("randperm") { _, args in
            let a = try NativeSignature("randperm", parameters: ["n"] + factoryKeywords).bind(args)
            return try finish(try Tensor.randperm(a.int("n"), generator: TorchGeneratorBinding.generator(a)).to(a.dtype() ?? .int64), a)
        }
        m.addFunction("normal") { interp, args in
            let a = try NativeSignature("normal", parameters: ["mean", .init("std", default: .float(1)), .init("size", default: .none)] + factoryKeywords).bind(args)
            let g = try TorchGeneratorBinding.generator(a)
            let meanT = TorchValues.tensor(a["mean"]), stdT = TorchValues.tensor(a["std"])
            if meanT == nil && stdT == nil {
                guard let size = a.optional("size") else { throw PyError(.typeError, "normal() missing 1 required positional arguments: \"size\"") }
                let t = try Tensor.zeros(TorchValues.ints(interp, size, "size"), dtype: a.dtype() ?? defaultFloat)
                try GradMode.with(enabled: false) { _ = try t.normalInPlace(mean: interp.toDouble(a["mean"]), std: interp.toDouble(a["std"]), generator: g) }
                return try finish(t, a)
            }
            // Tensor mean/std: standard normals, then × std and + mean, each rounded.
            let shape = try Shape.broadcast(meanT?.shape ?? [], stdT?.shape ?? [])
            let z = try Tensor.zeros(shape, dtype: (meanT ?? stdT)!.dtype)
            try GradMode.with(enabled: false) { _ = try z.normalInPlace(generator: g) }
            let std = try stdT ?? Tensor.wrapped(interp.toDouble(a["std"]), dtype: .float64)
            let mean = try meanT ?? Tensor.wrapped(interp.toDouble(a["mean"]), dtype: .float64)
            return TorchValues.box(try GradMode.with(enabled: false) { try z.mul(std).add(mean) })
        }
    }

    static func joins(_ m: PyModule) {
        func tensors(_ interp: Interpreter, _ v: Value, _ name: String) throws -> [Tensor] {
            try interp.iterate(v).map { item in
                guard let t = TorchValues.tensor(item) else {
                    throw PyError(.typeError, "expected Tensor as element 0 in argument 0, but got \(item.typeName)")
                }
                return t
            }
        }
        for name in ["cat", "concat", "concatenate"] {
            m.addFunction(name) { interp, args in
                let a = try NativeSignature(name, "tensors", .init("dim", default: .int(0)), .keywordOnly("out", default: .none)).bind(args)
                return TorchValues.box(try Tensor.cat(tensors(interp, a["tensors"], name), dim: a.int("dim")))
            }
        }
        m.addFunction("stack") { interp, args in
            let a = try NativeSignature("stack", "tensors", .init("dim", default: .int(0)), .keywordOnly("out", default: .none)).bind(args)
            return TorchValues.box(try Tensor.stack(tensors(interp, a["tensors"], "stack"), dim: a.int("dim")))
        }
        for (name, dim) in [("hstack", 1), ("vstack", 0)] {
            m.addFunction(name) { interp, args in
                let ts = try tensors(interp, args.positional.first ?? .none, name)
                let d = ts.first.map { $0.dim == 1 && name == "hstack" ? 0 : dim } ?? dim
                let prepared = try ts.map { name == "vstack" && $0.dim == 1 ? try $0.unsqueeze(0) : $0 }
                return TorchValues.box(try Tensor.cat(prepared, dim: d))
            }
        }
        m.addFunction("where") { interp, args in
            let a = try NativeSignature("where", "condition", .init("input", default: .none), .init("other", default: .none)).bind(args)
            let c = try a.tensor("condition")
            guard let x = a.optional("input") else {
                return .tuple(try c.nonzero().unbind(1).map(TorchValues.box))
            }
            guard let xt = try TorchValues.operand(x), let yt = try TorchValues.operand(a["other"]) else {
                throw PyError(.typeError, "where(): argument 'input' must be Tensor")
            }
            _ = interp
            return TorchValues.box(try Tensor.where(c, xt, yt))
        }
        m.addFunction("meshgrid") { interp, args in
            let a = try NativeSignature("meshgrid", .varPositional("tensors"), .keywordOnly("indexing", default: .none)).bind(args)
            var items = try interp.iterate(a["tensors"])
            if items.count == 1, TorchValues.tensor(items[0]) == nil { items = try interp.iterate(items[0]) }
            let ts = try items.map { try TorchValues.requireTensor($0, "meshgrid") }
            let indexing = a["indexing"].stringValue ?? "ij"
            guard indexing == "ij" || indexing == "xy" else {
                throw PyError(.runtimeError, "torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but received: \(indexing)")
            }
            for t in ts where t.dim > 1 {
                throw PyError(.runtimeError, "torch.meshgrid: Expected 0D or 1D tensor in the tensor list but got: \(t.description)")
            }
            var order = Array(ts.indices)
            if indexing == "xy" && ts.count >= 2 { order.swapAt(0, 1) }
            let shape = order.map { Swift.max(ts[$0].count, ts[$0].dim == 0 ? 1 : 0) }
            return .tuple(try ts.indices.map { i in
                var viewShape = [Int](repeating: 1, count: ts.count)
                viewShape[order.firstIndex(of: i) ?? i] = -1
                return TorchValues.box(try ts[i].reshape(viewShape).expand(shape))
            })
        }
        m.addFunction("broadcast_shapes") { interp, args in
            let shapes = try args.positional.map { v -> [Int] in
                if case .int(let n) = v { return [n] }
                return try TorchValues.ints(interp, v, "broadcast_shapes")
            }
            var result = [Int](repeating: 1, count: shapes.map(\.count).max() ?? 0)
            for (index, shape) in shapes.enumerated() {
                for k in 1...Swift.max(shape.count, 1) where k <= shape.count {
                    let size = shape[shape.count - k], slot = result.count - k
                    if size == 1 || size == result[slot] { continue }
                    guard result[slot] == 1 else {
                        let tuple = shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
                        throw PyError(.runtimeError, "Attempting to broadcast a dimension of length \(size) at -\(k)! Mismatching argument at index \(index) had \(tuple); but expected shape should be broadcastable to [\(result.map(String.init).joined(separator: ", "))]")
                    }
                    result[slot] = size
                }
            }
            return TorchTypes.size(result)
        }
        m.addFunction("broadcast_tensors") { interp, args in
            let ts = try args.positional.map { try TorchValues.requireTensor($0, "broadcast_tensors") }
            var shape: [Int] = []
            for t in ts { shape = try Shape.broadcast(shape, t.shape) }
            _ = interp
            return .tuple(try ts.map { TorchValues.box(try $0.expand(shape)) })
        }
    }

    static func misc(_ m: PyModule) {
        m.addFunction("is_tensor") { _, args in .bool(args.positional.first.flatMap(TorchValues.tensor) != nil) }
        m.addFunction("numel") { _, args in .int(try TorchValues.requireTensor(args.positional.first ?? .none, "numel").count) }
        m.addFunction("is_floating_point") { _, args in .bool(try TorchValues.requireTensor(args.positional.first ?? .none, "is_floating_point").dtype.isFloatingPoint) }
        m.addFunction("get_default_dtype") { _, _ in TorchTypes.dtypeValue(EngineContext.current.defaultFloat) }
        m.addFunction("set_default_dtype") { _, args in
            guard let d = args.positional.first?.payload(DTypeBox.self), d.dtype.isFloatingPoint else {
                throw PyError(.typeError, "only floating-point types are supported as the default type")
            }
            EngineContext.current.defaultFloat = d.dtype
            return .none
        }
        m.addFunction("set_printoptions") { interp, args in
            let a = try NativeSignature("set_printoptions", .init("precision", default: .none), .init("threshold", default: .none),
                                        .init("edgeitems", default: .none), .init("linewidth", default: .none),
                                        .init("profile", default: .none), .init("sci_mode", default: .none)).bind(args)
            var options = PrintOptions.current
            let profile = try a.optional("profile").map { v -> PrintOptions.Profile in
                guard let p = PrintOptions.Profile(rawValue: try a.string("profile")) else {
                    throw PyError(.valueError, "Unknown profile \(try interp.repr(v))")
                }
                return p
            }
            let precision = try a.optionalInt("precision")
            if let p = precision, p < 0 { throw PyError(.valueError, "precision must be a non-negative integer") }
            options.apply(precision: precision,
                          threshold: try a.optional("threshold").map { try interp.toDouble($0) },
                          edgeitems: try a.optionalInt("edgeitems"), linewidth: try a.optionalInt("linewidth"),
                          profile: profile, sciMode: try a.optional("sci_mode").map { try interp.isTruthy($0) })
            PrintOptions.current = options
            return .none
        }
        m.addFunction("use_deterministic_algorithms") { _, _ in .none }
        m.addFunction("set_num_threads") { _, _ in .none }
        m.addFunction("get_num_threads") { _, _ in .int(TorchThreads.count) }
    }

    /// `torch.cuda`: present so `torch.cuda.is_available()` answers False.
    static func cudaModule() -> PyModule {
        let c = PyModule(name: "torch.cuda")
        c.addFunction("is_available") { _, _ in .bool(false) }
        c.addFunction("device_count") { _, _ in .int(0) }
        c.addFunction("manual_seed") { _, _ in .none }
        c.addFunction("manual_seed_all") { _, _ in .none }
        return c
    }
}
