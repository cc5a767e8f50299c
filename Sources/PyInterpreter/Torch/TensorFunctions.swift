import Autograd

/// The table of tensor operations shared by `Tensor` methods and `torch.*`
/// functions, with PyTorch's argument names and defaults.
enum TensorFunctions {
    static let noneDefault: Value = .none

    static func dimArgument(_ interp: Interpreter, _ a: BoundArguments, _ name: String = "dim") throws -> [Int]? {
        try TorchValues.dims(interp, a.optional(name))
    }

    /// `torch.return_types.max(values=…, indices=…)`.
    static func valuesAndIndices(_ r: ValuesAndIndices) -> Value {
        .object(PyInstance(cls: TorchTypes.returnTypes(r.kind), payload: NamedTensors(names: ["values", "indices"], tensors: [r.values, r.indices])))
    }

    static var all: [TorchFunction] {
        elementwise + arithmetic + reductions + shapes + linearAlgebra + comparisons + conversions + layers
    }

    /// `torch.layer_norm` and `torch.embedding` (whose first argument is the weight).
    static let layers: [TorchFunction] = [
        TorchFunction("layer_norm", ["normalized_shape", .init("weight", default: noneDefault), .init("bias", default: noneDefault),
                                     .init("eps", default: .float(1e-5)), .init("cudnn_enable", default: .bool(true))], form: .functionOnly) { interp, t, a in
            let shape = try TorchValues.ints(interp, a["normalized_shape"], "layer_norm(): argument 'normalized_shape' (position 2)")
            return TorchValues.box(try t.layerNorm(shape, weight: a.optionalTensor("weight"), bias: a.optionalTensor("bias"), eps: a.double("eps")))
        },
        TorchFunction("embedding", ["indices", .init("padding_idx", default: .int(-1)), .init("scale_grad_by_freq", default: .bool(false)),
                                    .init("sparse", default: .bool(false))], form: .functionOnly) { _, weight, a in
            let padding = try a.int("padding_idx")
            return TorchValues.box(try weight.embedding(a.tensor("indices"), paddingIndex: padding < 0 ? nil : padding,
                                                        scaleGradByFrequency: a.bool("scale_grad_by_freq")))
        },
    ]

    static let elementwise: [TorchFunction] = [
        .unary("exp") { try $0.exp() }, .unary("log") { try $0.log() }, .unary("log2") { try $0.log2() },
        .unary("log10") { try $0.log10() }, .unary("log1p") { try $0.log1p() }, .unary("exp2") { try $0.exp2() },
        .unary("expm1") { try $0.expm1() }, .unary("sqrt") { try $0.sqrt() }, .unary("rsqrt") { try $0.rsqrt() },
        .unary("abs") { try $0.abs() }, .unary("absolute") { try $0.abs() }, .unary("neg") { try $0.neg() }, .unary("negative") { try $0.neg() },
        .unary("sin") { try $0.sin() }, .unary("cos") { try $0.cos() }, .unary("tan") { try $0.tan() },
        .unary("asin") { try $0.asin() }, .unary("arcsin") { try $0.asin() }, .unary("acos") { try $0.acos() },
        .unary("arccos") { try $0.acos() }, .unary("atan") { try $0.atan() }, .unary("arctan") { try $0.atan() },
        .unary("sinh") { try $0.sinh() }, .unary("cosh") { try $0.cosh() },
        .unary("tanh") { try $0.tanh() }, .unary("sigmoid") { try $0.sigmoid() }, .unary("relu") { try $0.relu() },
        .unary("square") { try $0.square() }, .unary("sign") { try $0.sign() }, .unary("erf") { try $0.erf() },
        .unary("floor") { try $0.floor() }, .unary("ceil") { try $0.ceil() }, .unary("trunc") { try $0.trunc() },
        .unary("frac") { try $0.frac() }, .unary("reciprocal") { try $0.reciprocal() },
        .unary("relu_", form: .both) { try $0.reluInPlace() }, .unary("sigmoid_", form: .methodOnly) { try $0.sigmoidInPlace() },
        .unary("tanh_", form: .methodOnly) { try $0.tanhInPlace() }, .unary("exp_", form: .methodOnly) { try $0.expInPlace() },
        .unary("neg_", form: .methodOnly) { try $0.negInPlace() }, .unary("zero_", form: .methodOnly) { try $0.zeroInPlace() },
        TorchFunction("round", [.keywordOnly("decimals", default: .int(0))]) { _, t, a in
            let d = try a.int("decimals")
            return TorchValues.box(d == 0 ? try t.round() : try t.round(decimals: d))
        },
        TorchFunction("clamp", [.init("min", default: noneDefault), .init("max", default: noneDefault)]) { interp, t, a in
            TorchValues.box(try clamp(interp, t, a))
        },
        TorchFunction("clip", [.init("min", default: noneDefault), .init("max", default: noneDefault)]) { interp, t, a in
            TorchValues.box(try clamp(interp, t, a))
        },
        TorchFunction("clamp_", [.init("min", default: noneDefault), .init("max", default: noneDefault)], form: .methodOnly) { interp, t, a in
            let lo = try a.optional("min").map { try TorchValues.double(interp, $0) }
            let hi = try a.optional("max").map { try TorchValues.double(interp, $0) }
            return TorchValues.box(try t.clampInPlace(min: lo, max: hi))
        },
        TorchFunction("clamp_min", ["min"]) { interp, t, a in TorchValues.box(try t.clampMin(TorchValues.double(interp, a["min"]))) },
        TorchFunction("clamp_max", ["max"]) { interp, t, a in TorchValues.box(try t.clampMax(TorchValues.double(interp, a["max"]))) },
        TorchFunction("pow", ["exponent"]) { interp, t, a in TorchValues.box(try power(t, a["exponent"])) },
        TorchFunction("pow_", ["exponent"], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.powInPlace(TorchValues.double(interp, a["exponent"])))
        },
        TorchFunction("leaky_relu", [.init("negative_slope", default: .float(0.01))], form: .methodOnly) { _, t, a in
            TorchValues.box(try t.leakyRelu(a.double("negative_slope")))
        },
        TorchFunction("softmax", [.init("dim", default: noneDefault), .keywordOnly("dtype", default: noneDefault)]) { interp, t, a in
            var x = t
            if let d = try a.dtype() { x = try x.to(d) }
            guard let dim = try a.optionalInt("dim") else { throw PyError(.typeError, "softmax() missing 1 required positional arguments: \"dim\"") }
            return TorchValues.box(try x.softmax(dim: dim))
        },
        TorchFunction("log_softmax", [.init("dim", default: noneDefault), .keywordOnly("dtype", default: noneDefault)]) { interp, t, a in
            var x = t
            if let d = try a.dtype() { x = try x.to(d) }
            guard let dim = try a.optionalInt("dim") else { throw PyError(.typeError, "log_softmax() missing 1 required positional arguments: \"dim\"") }
            return TorchValues.box(try x.logSoftmax(dim: dim))
        },
        TorchFunction("maximum", ["other"]) { _, t, a in TorchValues.box(try t.maximum(a.tensor("other"))) },
        TorchFunction("minimum", ["other"]) { _, t, a in TorchValues.box(try t.minimum(a.tensor("other"))) },
        TorchFunction("masked_fill", ["mask", "value"]) { _, t, a in TorchValues.box(try t.maskedFill(a.tensor("mask"), a.operand("value"))) },
        TorchFunction("masked_fill_", ["mask", "value"], form: .methodOnly) { _, t, a in
            TorchValues.box(try t.maskedFillInPlace(a.tensor("mask"), a.operand("value")))
        },
        TorchFunction("fill_", ["value"], form: .methodOnly) { _, t, a in TorchValues.box(try t.fillInPlace(a.operand("value"))) },
        TorchFunction("copy_", ["src"], form: .methodOnly) { _, t, a in TorchValues.box(try t.copyInPlace(a.operand("src"))) },
        TorchFunction("uniform_", [.init("a", default: .float(0)), .init("b", default: .float(1)), .keywordOnly("generator", default: noneDefault)], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.uniformInPlace(from: TorchValues.double(interp, a["a"]), to: TorchValues.double(interp, a["b"]), generator: TorchGeneratorBinding.generator(a)))
        },
        TorchFunction("normal_", [.init("mean", default: .float(0)), .init("std", default: .float(1)), .keywordOnly("generator", default: noneDefault)], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.normalInPlace(mean: TorchValues.double(interp, a["mean"]), std: TorchValues.double(interp, a["std"]), generator: TorchGeneratorBinding.generator(a)))
        },
        TorchFunction("exponential_", [.init("lambd", default: .float(1)), .keywordOnly("generator", default: noneDefault)], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.exponentialInPlace(lambda: TorchValues.double(interp, a["lambd"]), generator: TorchGeneratorBinding.generator(a)))
        },
        TorchFunction("histogram", [.init("bins", default: .int(100)), .keywordOnly("range", default: noneDefault),
                                    .keywordOnly("weight", default: noneDefault), .keywordOnly("density", default: .bool(false))]) { interp, t, a in
            let weight = try a.optional("weight").map { v -> Tensor in
                guard let w = TorchValues.tensor(v) else { throw PyError(.typeError, "histogram(): argument 'weight' must be Tensor, not \(v.typeName)") }
                return w
            }
            let result: HistogramResult
            if let edges = TorchValues.tensor(a["bins"]) {
                result = try t.histogram(edges: edges, weight: weight, density: a.bool("density"))
            } else {
                let range = try a.optional("range").map { v -> (Double, Double) in
                    let bounds = try interp.iterate(v).map { try TorchValues.double(interp, $0) }
                    guard bounds.count == 2 else { throw PyError(.typeError, "histogram(): argument 'range' must be tuple of 2 floats") }
                    return (bounds[0], bounds[1])
                }
                result = try t.histogram(bins: a.int("bins"), range: range, weight: weight, density: a.bool("density"))
            }
            return .object(PyInstance(cls: TorchTypes.returnTypes("histogram"),
                                      payload: NamedTensors(names: ["hist", "bin_edges"], tensors: [result.hist, result.binEdges])))
        },
        TorchFunction("multinomial", ["num_samples", .init("replacement", default: .bool(false)), .keywordOnly("generator", default: noneDefault)]) { interp, t, a in
            TorchValues.box(try t.multinomial(numSamples: a.int("num_samples"), replacement: a.bool("replacement"),
                                              generator: TorchGeneratorBinding.generator(a)))
        },
    ]

    static func clamp(_ interp: Interpreter, _ t: Tensor, _ a: BoundArguments) throws -> Tensor {
        let lo = a.optional("min"), hi = a.optional("max")
        if lo == nil && hi == nil { throw PyError(.runtimeError, "torch.clamp: At least one of 'min' or 'max' must not be None") }
        if (lo.flatMap(TorchValues.tensor) ?? hi.flatMap(TorchValues.tensor)) != nil {
            return try t.clamp(min: lo.flatMap(TorchValues.tensor), max: hi.flatMap(TorchValues.tensor))
        }
        return try t.clamp(min: lo.map { try interp.toDouble($0) }, max: hi.map { try interp.toDouble($0) })
    }

    /// `t ** e`: a Python exponent keeps PowBackward0; a Python float on an
    /// integer tensor gives a float result, as PyTorch promotes.
    static func power(_ t: Tensor, _ e: Value) throws -> Tensor {
        switch e {
        case .int(let i): return try t.pow(Double(i))
        case .bool(let b): return try t.pow(b ? 1 : 0)
        case .float(let d): return try (t.dtype.isFloatingPoint ? t : t.to(EngineContext.current.defaultFloat)).pow(d)
        default:
            guard let other = try TorchValues.operand(e) else {
                throw PyError(.typeError, "unsupported operand type(s) for ** or pow(): 'Tensor' and '\(e.typeName)'")
            }
            return try t.pow(other)
        }
    }

    static let arithmetic: [TorchFunction] = [
        TorchFunction("add", ["other", .keywordOnly("alpha", default: .int(1))]) { interp, t, a in
            TorchValues.box(try t.add(a.operand("other"), alpha: interp.toDouble(a["alpha"])))
        },
        TorchFunction("sub", ["other", .keywordOnly("alpha", default: .int(1))]) { interp, t, a in
            TorchValues.box(try t.sub(a.operand("other"), alpha: interp.toDouble(a["alpha"])))
        },
        TorchFunction("subtract", ["other", .keywordOnly("alpha", default: .int(1))]) { interp, t, a in
            TorchValues.box(try t.sub(a.operand("other"), alpha: interp.toDouble(a["alpha"])))
        },
        TorchFunction("mul", ["other"]) { _, t, a in TorchValues.box(try t.mul(a.operand("other"))) },
        TorchFunction("multiply", ["other"]) { _, t, a in TorchValues.box(try t.mul(a.operand("other"))) },
        TorchFunction("div", ["other", .keywordOnly("rounding_mode", default: noneDefault)]) { _, t, a in
            let b = try a.operand("other")
            switch a.optional("rounding_mode")?.stringValue {
            case nil: return TorchValues.box(try t.div(b))
            case "floor"?: return TorchValues.box(try t.floorDivide(b))
            case "trunc"?: return TorchValues.box(try t.div(b).trunc())
            case let mode?: throw PyError(.runtimeError, "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '\(mode)'")
            }
        },
        TorchFunction("divide", ["other"]) { _, t, a in TorchValues.box(try t.div(a.operand("other"))) },
        TorchFunction("true_divide", ["other"]) { _, t, a in TorchValues.box(try t.div(a.operand("other"))) },
        TorchFunction("floor_divide", ["other"]) { _, t, a in TorchValues.box(try t.floorDivide(a.operand("other"))) },
        TorchFunction("remainder", ["other"]) { _, t, a in TorchValues.box(try t.remainder(a.operand("other"))) },
        TorchFunction("fmod", ["other"]) { _, t, a in
            let b = try a.operand("other")
            return TorchValues.box(try t.sub(t.div(b).trunc().mul(b)))
        },
        TorchFunction("add_", ["other", .keywordOnly("alpha", default: .int(1))], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.addInPlace(a.operand("other"), alpha: interp.toDouble(a["alpha"])))
        },
        TorchFunction("sub_", ["other", .keywordOnly("alpha", default: .int(1))], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.subInPlace(a.operand("other"), alpha: interp.toDouble(a["alpha"])))
        },
        TorchFunction("mul_", ["other"], form: .methodOnly) { _, t, a in TorchValues.box(try t.mulInPlace(a.operand("other"))) },
        TorchFunction("div_", ["other"], form: .methodOnly) { _, t, a in TorchValues.box(try t.divInPlace(a.operand("other"))) },
        TorchFunction("lerp", ["end", "weight"]) { _, t, a in
            let end = try a.tensor("end"), w = try a.operand("weight")
            return TorchValues.box(try t.add(end.sub(t).mul(w)))
        },
        TorchFunction("addcmul", ["tensor1", "tensor2", .keywordOnly("value", default: .int(1))]) { interp, t, a in
            TorchValues.box(try t.add(a.tensor("tensor1").mul(a.tensor("tensor2")), alpha: interp.toDouble(a["value"])))
        },
    ]

    static let reductions: [TorchFunction] = [
        TorchFunction("sum", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false)), .keywordOnly("dtype", default: noneDefault)]) { interp, t, a in
            var x = t
            if let d = try a.dtype() { x = try x.to(d) }
            guard let dims = try dimArgument(interp, a) else { return TorchValues.box(try x.sum()) }
            return TorchValues.box(try x.sum(dims: dims, keepdim: a.bool("keepdim")))
        },
        TorchFunction("mean", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false)), .keywordOnly("dtype", default: noneDefault)]) { interp, t, a in
            var x = t
            if let d = try a.dtype() { x = try x.to(d) }
            guard let dims = try dimArgument(interp, a) else { return TorchValues.box(try x.mean()) }
            return TorchValues.box(try x.mean(dims: dims, keepdim: a.bool("keepdim")))
        },
        TorchFunction("max", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { interp, t, a in
            try extreme(interp, t, a, isMax: true)
        },
        TorchFunction("min", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { interp, t, a in
            try extreme(interp, t, a, isMax: false)
        },
        TorchFunction("sort", [.init("dim", default: .int(-1)), .init("descending", default: .bool(false)),
                               .keywordOnly("stable", default: .bool(false))]) { _, t, a in
            valuesAndIndices(try t.sort(dim: a.int("dim"), descending: a.bool("descending")))
        },
        TorchFunction("median", []) { _, t, _ in TorchValues.box(try t.median()) },
        TorchFunction("argsort", [.init("dim", default: .int(-1)), .init("descending", default: .bool(false)),
                                  .keywordOnly("stable", default: .bool(false))]) { _, t, a in
            TorchValues.box(try t.argsort(dim: a.int("dim"), descending: a.bool("descending")))
        },
        TorchFunction("topk", ["k", .init("dim", default: .int(-1)), .init("largest", default: .bool(true)),
                               .init("sorted", default: .bool(true))]) { _, t, a in
            valuesAndIndices(try t.topk(a.int("k"), dim: a.int("dim"), largest: a.bool("largest")))
        },
        TorchFunction("amax", [.init("dim", default: .tuple([])), .init("keepdim", default: .bool(false))]) { interp, t, a in
            TorchValues.box(try t.amax(dims: dimArgument(interp, a) ?? [], keepdim: a.bool("keepdim")))
        },
        TorchFunction("amin", [.init("dim", default: .tuple([])), .init("keepdim", default: .bool(false))]) { interp, t, a in
            TorchValues.box(try t.amin(dims: dimArgument(interp, a) ?? [], keepdim: a.bool("keepdim")))
        },
        TorchFunction("argmax", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { _, t, a in
            TorchValues.box(try t.argmax(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
        },
        TorchFunction("argmin", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { _, t, a in
            TorchValues.box(try t.argmin(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
        },
        TorchFunction("prod", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false)), .keywordOnly("dtype", default: noneDefault)]) { _, t, a in
            TorchValues.box(try t.prod(dim: a.optionalInt("dim"), keepdim: a.bool("keepdim")))
        },
        TorchFunction("norm", [.init("p", default: .str(PyStr("fro"))), .init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { interp, t, a in
            let p: Double
            switch a["p"] {
            case .str(let s) where s.value == "fro": p = 2
            case .str(let s) where s.value == "nuc": throw PyError(.runtimeError, "nuclear norm is not supported")
            case let v: p = try interp.toDouble(v)
            }
            return TorchValues.box(try t.norm(p: p, dims: dimArgument(interp, a) ?? [], keepdim: a.bool("keepdim")))
        },
        TorchFunction("var", [.init("dim", default: noneDefault), .init("unbiased", default: noneDefault), .init("keepdim", default: .bool(false)), .keywordOnly("correction", default: noneDefault)]) { interp, t, a in
            TorchValues.box(try t.variance(dims: dimArgument(interp, a) ?? [], correction: correction(interp, a), keepdim: a.bool("keepdim")))
        },
        TorchFunction("std", [.init("dim", default: noneDefault), .init("unbiased", default: noneDefault), .init("keepdim", default: .bool(false)), .keywordOnly("correction", default: noneDefault)]) { interp, t, a in
            TorchValues.box(try t.std(dims: dimArgument(interp, a) ?? [], correction: correction(interp, a), keepdim: a.bool("keepdim")))
        },
        TorchFunction("logsumexp", ["dim", .init("keepdim", default: .bool(false))]) { interp, t, a in
            TorchValues.box(try t.logsumexp(dims: dimArgument(interp, a) ?? [], keepdim: a.bool("keepdim")))
        },
        TorchFunction("cumsum", ["dim", .keywordOnly("dtype", default: noneDefault)]) { _, t, a in
            TorchValues.box(try t.cumsum(dim: a.int("dim")))
        },
        TorchFunction("all", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { interp, t, a in
            let b = try t.ne(Tensor.wrapped(0, dtype: .int64))
            if let dims = try dimArgument(interp, a) {
                return TorchValues.box(try b.to(.int64).amin(dims: dims, keepdim: a.bool("keepdim")).to(.bool))
            }
            return TorchValues.box(Tensor.scalar(b.bools().allSatisfy { $0 } ? 1 : 0, dtype: .bool))
        },
        TorchFunction("any", [.init("dim", default: noneDefault), .init("keepdim", default: .bool(false))]) { interp, t, a in
            let b = try t.ne(Tensor.wrapped(0, dtype: .int64))
            if let dims = try dimArgument(interp, a) {
                return TorchValues.box(try b.to(.int64).amax(dims: dims, keepdim: a.bool("keepdim")).to(.bool))
            }
            return TorchValues.box(Tensor.scalar(b.bools().contains(true) ? 1 : 0, dtype: .bool))
        },
        TorchFunction("count_nonzero", [.init("dim", default: noneDefault)]) { interp, t, a in
            let b = try t.ne(Tensor.wrapped(0, dtype: .int64)).to(.int64)
            if let dims = try dimArgument(interp, a) { return TorchValues.box(try b.sum(dims: dims)) }
            return TorchValues.box(try b.sum())
        },
    ]

    static func correction(_ interp: Interpreter, _ a: BoundArguments) throws -> Double {
        if let c = a.optional("correction") { return try interp.toDouble(c) }
        if let u = a.optional("unbiased") { return try interp.isTruthy(u) ? 1 : 0 }
        return 1
    }

    /// `max()` / `max(dim)` / `max(other)` share one name in PyTorch.
    static func extreme(_ interp: Interpreter, _ t: Tensor, _ a: BoundArguments, isMax: Bool) throws -> Value {
        guard let d = a.optional("dim") else { return TorchValues.box(try isMax ? t.max() : t.min()) }
        if let other = TorchValues.tensor(d) { return TorchValues.box(try isMax ? t.maximum(other) : t.minimum(other)) }
        let dim = try TorchValues.int(d, "\(isMax ? "max" : "min")(): argument 'dim'")
        return valuesAndIndices(try isMax ? t.max(dim: dim, keepdim: a.bool("keepdim")) : t.min(dim: dim, keepdim: a.bool("keepdim")))
    }

    static let shapes: [TorchFunction] = [
        TorchFunction("view", [.varPositional("shape")], form: .methodOnly) { interp, t, a in
            let args = a.extraPositional
            if args.count == 1, let d = args[0].payload(DTypeBox.self) {
                guard d.dtype == t.dtype else { throw PyError(.runtimeError, "view(dtype) is only supported for the same dtype") }
                return TorchValues.box(t)
            }
            return TorchValues.box(try t.view(TorchValues.shape(interp, args, "view")))
        },
        TorchFunction("reshape", [.varPositional("shape")]) { interp, t, a in
            TorchValues.box(try t.reshape(TorchValues.shape(interp, a.extraPositional, "reshape")))
        },
        TorchFunction("view_as", ["other"], form: .methodOnly) { _, t, a in TorchValues.box(try t.viewAs(a.tensor("other"))) },
        TorchFunction("reshape_as", ["other"], form: .methodOnly) { _, t, a in TorchValues.box(try t.reshapeAs(a.tensor("other"))) },
        TorchFunction("expand", [.varPositional("size")], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.expand(TorchValues.shape(interp, a.extraPositional, "expand")))
        },
        TorchFunction("expand_as", ["other"], form: .methodOnly) { _, t, a in TorchValues.box(try t.expandAs(a.tensor("other"))) },
        TorchFunction("repeat", [.varPositional("repeats")], form: .methodOnly) { interp, t, a in
            TorchValues.box(try t.repeat(TorchValues.shape(interp, a.extraPositional, "repeat")))
        },
        TorchFunction("flatten", [.init("start_dim", default: .int(0)), .init("end_dim", default: .int(-1))]) { _, t, a in
            TorchValues.box(try t.flatten(startDim: a.int("start_dim"), endDim: a.int("end_dim")))
        },
        TorchFunction("unflatten", ["dim", "sizes"]) { interp, t, a in
            TorchValues.box(try t.unflatten(a.int("dim"), TorchValues.ints(interp, a["sizes"], "sizes")))
        },
        TorchFunction("squeeze", [.init("dim", default: noneDefault)]) { interp, t, a in
            guard let d = a.optional("dim") else { return TorchValues.box(try t.squeeze()) }
            if case .int(let i) = d { return TorchValues.box(try t.squeeze(i)) }
            return TorchValues.box(try t.squeeze(dims: TorchValues.ints(interp, d, "dim")))
        },
        TorchFunction("unsqueeze", ["dim"]) { _, t, a in TorchValues.box(try t.unsqueeze(a.int("dim"))) },
        TorchFunction("transpose", ["dim0", "dim1"]) { _, t, a in TorchValues.box(try t.transpose(a.int("dim0"), a.int("dim1"))) },
        TorchFunction("swapaxes", ["axis0", "axis1"]) { _, t, a in TorchValues.box(try t.transpose(a.int("axis0"), a.int("axis1"))) },
        TorchFunction.unary("t") { try $0.t() },
        TorchFunction("permute", [.varPositional("dims")]) { interp, t, a in
            TorchValues.box(try t.permute(TorchValues.shape(interp, a.extraPositional, "permute")))
        },
        TorchFunction("flip", ["dims"]) { interp, t, a in TorchValues.box(try t.flip(TorchValues.ints(interp, a["dims"], "dims"))) },
        TorchFunction("tril", [.init("diagonal", default: .int(0))]) { _, t, a in TorchValues.box(try t.tril(a.int("diagonal"))) },
        TorchFunction("triu", [.init("diagonal", default: .int(0))]) { _, t, a in TorchValues.box(try t.triu(a.int("diagonal"))) },
        TorchFunction("narrow", ["dim", "start", "length"]) { _, t, a in
            TorchValues.box(try t.narrow(a.int("dim"), start: a.int("start"), length: a.int("length")))
        },
        TorchFunction("unfold", ["dimension", "size", "step"], form: .methodOnly) { _, t, a in
            TorchValues.box(try t.unfold(a.int("dimension"), size: a.int("size"), step: a.int("step")))
        },
        TorchFunction("select", ["dim", "index"]) { _, t, a in TorchValues.box(try t.select(a.int("dim"), a.int("index"))) },
        TorchFunction("chunk", ["chunks", .init("dim", default: .int(0))]) { _, t, a in
            .tuple(try t.chunk(a.int("chunks"), dim: a.int("dim")).map(TorchValues.box))
        },
        TorchFunction("split", ["split_size_or_sections", .init("dim", default: .int(0))]) { interp, t, a in
            let s = a["split_size_or_sections"]
            if case .int(let n) = s { return .tuple(try t.split(n, dim: a.int("dim")).map(TorchValues.box)) }
            return .tuple(try t.split(sizes: TorchValues.ints(interp, s, "split_size_or_sections"), dim: a.int("dim")).map(TorchValues.box))
        },
        TorchFunction("unbind", [.init("dim", default: .int(0))]) { _, t, a in .tuple(try t.unbind(a.int("dim")).map(TorchValues.box)) },
        TorchFunction("gather", ["dim", "index"]) { _, t, a in TorchValues.box(try t.gather(a.int("dim"), a.tensor("index"))) },
        TorchFunction("index_select", ["dim", "index"]) { _, t, a in TorchValues.box(try t.indexSelect(a.int("dim"), a.tensor("index"))) },
        TorchFunction("masked_select", ["mask"]) { _, t, a in TorchValues.box(try t.maskedSelect(a.tensor("mask"))) },
        TorchFunction("scatter", ["dim", "index", "src"]) { interp, t, a in
            if let src = TorchValues.tensor(a["src"]) { return TorchValues.box(try t.scatter(a.int("dim"), a.tensor("index"), src: src)) }
            return TorchValues.box(try t.scatter(a.int("dim"), a.tensor("index"), value: interp.toDouble(a["src"])))
        },
        TorchFunction("scatter_add", ["dim", "index", "src"]) { _, t, a in
            TorchValues.box(try t.scatterAdd(a.int("dim"), a.tensor("index"), src: a.tensor("src")))
        },
        TorchFunction("nonzero", [.keywordOnly("as_tuple", default: .bool(false))]) { _, t, a in
            let nz = try t.nonzero()
            if try a.bool("as_tuple") { return .tuple(try nz.unbind(1).map(TorchValues.box)) }
            return TorchValues.box(nz)
        },
        TorchFunction("where", ["condition", "other"], form: .methodOnly) { _, t, a in
            TorchValues.box(try Tensor.where(a.tensor("condition"), t, a.operand("other")))
        },
    ]

    static let linearAlgebra: [TorchFunction] = [
        TorchFunction("matmul", ["other"]) { _, t, a in TorchValues.box(try t.matmul(a.tensor("other"))) },
        TorchFunction("mm", ["mat2"]) { _, t, a in TorchValues.box(try t.mm(a.tensor("mat2"))) },
        TorchFunction("mv", ["vec"]) { _, t, a in TorchValues.box(try t.mv(a.tensor("vec"))) },
        TorchFunction("dot", ["tensor"]) { _, t, a in TorchValues.box(try t.dot(a.tensor("tensor"))) },
        TorchFunction("inner", ["other"]) { _, t, a in TorchValues.box(try t.dot(a.tensor("other"))) },
        TorchFunction("bmm", ["mat2"]) { _, t, a in TorchValues.box(try t.bmm(a.tensor("mat2"))) },
        TorchFunction("outer", ["vec2"]) { _, t, a in TorchValues.box(try t.outer(a.tensor("vec2"))) },
        TorchFunction("ger", ["vec2"]) { _, t, a in TorchValues.box(try t.outer(a.tensor("vec2"))) },
        TorchFunction("addmm", ["mat1", "mat2", .keywordOnly("beta", default: .int(1)), .keywordOnly("alpha", default: .int(1))]) { _, t, a in
            TorchValues.box(try Tensor.addmm(t, a.tensor("mat1"), a.tensor("mat2")))
        },
    ]

    static let comparisons: [TorchFunction] = [
        TorchFunction("eq", ["other"]) { _, t, a in TorchValues.box(try t.eq(a.operand("other"))) },
        TorchFunction("ne", ["other"]) { _, t, a in TorchValues.box(try t.ne(a.operand("other"))) },
        TorchFunction("lt", ["other"]) { _, t, a in TorchValues.box(try t.lt(a.operand("other"))) },
        TorchFunction("le", ["other"]) { _, t, a in TorchValues.box(try t.le(a.operand("other"))) },
        TorchFunction("gt", ["other"]) { _, t, a in TorchValues.box(try t.gt(a.operand("other"))) },
        TorchFunction("ge", ["other"]) { _, t, a in TorchValues.box(try t.ge(a.operand("other"))) },
        TorchFunction("greater", ["other"]) { _, t, a in TorchValues.box(try t.gt(a.operand("other"))) },
        TorchFunction("less", ["other"]) { _, t, a in TorchValues.box(try t.lt(a.operand("other"))) },
        TorchFunction("logical_and", ["other"]) { _, t, a in TorchValues.box(try t.logicalAnd(a.operand("other"))) },
        TorchFunction("logical_or", ["other"]) { _, t, a in TorchValues.box(try t.logicalOr(a.operand("other"))) },
        TorchFunction("logical_xor", ["other"]) { _, t, a in TorchValues.box(try t.logicalXor(a.operand("other"))) },
        .unary("logical_not") { try $0.logicalNot() },
        TorchFunction("equal", ["other"]) { _, t, a in
            let o = try a.tensor("other")
            guard o.shape == t.shape else { return .bool(false) }
            return .bool(try t.eq(o).bools().allSatisfy { $0 })
        },
        TorchFunction("allclose", ["other", .init("rtol", default: .float(1e-5)), .init("atol", default: .float(1e-8)), .init("equal_nan", default: .bool(false))]) { interp, t, a in
            .bool(try isClose(interp, t, a).bools().allSatisfy { $0 })
        },
        TorchFunction("isclose", ["other", .init("rtol", default: .float(1e-5)), .init("atol", default: .float(1e-8)), .init("equal_nan", default: .bool(false))]) { interp, t, a in
            TorchValues.box(try isClose(interp, t, a))
        },
        .unary("isnan") { try $0.ne($0) },
        .unary("isinf") { try $0.abs().eq(Tensor.wrapped(.infinity, dtype: .float64)) },
        .unary("isfinite") { t in try t.sub(t).eq(Tensor.wrapped(0, dtype: .int64)) },
    ]

    /// |a − b| ≤ atol + rtol·|b|, computed in float64 like a tolerance check should be.
    static func isClose(_ interp: Interpreter, _ t: Tensor, _ a: BoundArguments) throws -> Tensor {
        let other = try a.tensor("other")
        let rtol = try a.double("rtol"), atol = try a.double("atol"), equalNaN = try a.bool("equal_nan")
        let shape = try Shape.broadcast(t.shape, other.shape)
        let x = try t.to(.float64).expand(shape).doubles(), y = try other.to(.float64).expand(shape).doubles()
        let values: [Double] = zip(x, y).map { p, q in
            if p.isNaN || q.isNaN { return equalNaN && p.isNaN && q.isNaN ? 1 : 0 }
            if p == q { return 1 }
            return Swift.abs(p - q) <= atol + rtol * Swift.abs(q) ? 1 : 0
        }
        return try Tensor.from(values, shape: shape, dtype: .bool)
    }

    static let conversions: [TorchFunction] = [
        .unary("float", form: .methodOnly) { try $0.to(.float32) },
        .unary("double", form: .methodOnly) { try $0.to(.float64) },
        .unary("long", form: .methodOnly) { try $0.to(.int64) },
        .unary("int", form: .methodOnly) { try $0.to(.int32) },
        .unary("bool", form: .methodOnly) { try $0.to(.bool) },
        .unary("clone") { try $0.clone() },
        .unary("contiguous", form: .methodOnly) { try $0.contiguous() },
        .unary("detach") { $0.detach() },
        .unary("cpu", form: .methodOnly) { $0 },
    ]
}

/// The payload of a named-tuple result (`torch.return_types.max`).
final class NamedTensors {
    let names: [String]
    let tensors: [Tensor]
    init(names: [String], tensors: [Tensor]) {
        self.names = names
        self.tensors = tensors
    }
}
