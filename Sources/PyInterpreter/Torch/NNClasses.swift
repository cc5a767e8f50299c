import Autograd
import NN

/// The built-in layers, containers and losses of `torch.nn`, each a native
/// subclass of `nn.Module` whose payload is the engine's module.
enum NNClasses {
    static func size(_ interp: Interpreter, _ v: Value, _ what: String) throws -> SizeArgument {
        if case .int(let i) = v { return .int(i) }
        return .tuple(try TorchValues.ints(interp, v, what))
    }

    static func option(_ interp: Interpreter, _ v: Value) throws -> OptionValue {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .str(let s): return .string(s.value)
        default: return .float(try interp.toDouble(v))
        }
    }

    static func reduction(_ a: BoundArguments) throws -> Reduction {
        guard let r = Reduction(rawValue: try a.string("reduction")) else {
            throw PyError(.valueError, "\(try a.string("reduction")) is not a valid value for reduction")
        }
        return r
    }

    static func input(_ args: Arguments, _ name: String) throws -> Tensor {
        guard let v = args.positional.first ?? args.keyword("input") else {
            throw PyError(.typeError, "\(name).forward() missing 1 required positional argument: 'input'")
        }
        return try TorchValues.requireTensor(v, "forward", "input")
    }

    /// A layer class: its constructor signature, how to build the payload,
    /// and (by default) a one-tensor forward.
    @discardableResult
    static func layer(_ name: String, _ parameters: [NativeSignature.Parameter],
                      make: @escaping (Interpreter, BoundArguments) throws -> Module,
                      forward: ((Interpreter, Module, Arguments) throws -> Value)? = nil,
                      extend: ((NativeClassBuilder) -> Void)? = nil) -> PyType {
        let signature = NativeSignature(name, parameters: parameters)
        let b = NativeClassBuilder(name, module: "torch.nn", base: NNModuleBinding.moduleType)
        b.initializer { interp, this, args in
            guard let inst = this.instance else { return .none }
            let m = try make(interp, try signature.bind(args))
            inst.becomeBox(of: m)
            return .none
        }
        b.method("forward") { interp, this, args in
            let m = try NNModuleBinding.requireModule(this)
            if let forward { return try forward(interp, m, args) }
            return TorchValues.box(try m.forward(try input(args, name)))
        }
        extend?(b)
        let type = b.build()
        NNModuleBinding.register(type)
        return type
    }

    static func register(_ m: PyModule) {
        m["Module"] = .object(NNModuleBinding.moduleType)
        for t in layers() + containers() + losses() { m[t.name] = .object(t) }
    }

    static func layers() -> [PyType] {
        var types: [PyType] = []
        types.append(layer("Linear", ["in_features", "out_features", .init("bias", default: .bool(true)),
                                      .init("device", default: .none), .init("dtype", default: .none)]) { _, a in
            try Linear(a.int("in_features"), a.int("out_features"), bias: a.bool("bias"), dtype: a.dtype() ?? .float32)
        })
        types.append(layer("Conv2d", ["in_channels", "out_channels", "kernel_size", .init("stride", default: .int(1)),
                                      .init("padding", default: .int(0)), .init("dilation", default: .int(1)),
                                      .init("groups", default: .int(1)), .init("bias", default: .bool(true)),
                                      .init("padding_mode", default: .string("zeros")), .init("device", default: .none),
                                      .init("dtype", default: .none)]) { interp, a in
            let padding: ConvPaddingArgument
            switch a["padding"].stringValue {
            case "same"?: padding = .same
            case "valid"?: padding = .valid
            case let s?: throw PyError(.valueError, "Invalid padding string '\(s)', should be one of ['valid', 'same']")
            case nil: padding = .size(try size(interp, a["padding"], "padding"))
            }
            return try Conv2d(a.int("in_channels"), a.int("out_channels"), kernelSize: size(interp, a["kernel_size"], "kernel_size"),
                              stride: size(interp, a["stride"], "stride"), padding: padding, dilation: size(interp, a["dilation"], "dilation"),
                              groups: a.int("groups"), bias: a.bool("bias"), paddingMode: a.string("padding_mode"), dtype: a.dtype() ?? .float32)
        })
        types.append(layer("MaxPool2d", ["kernel_size", .init("stride", default: .none), .init("padding", default: .int(0)),
                                         .init("dilation", default: .int(1)), .init("return_indices", default: .bool(false)),
                                         .init("ceil_mode", default: .bool(false))], make: { interp, a in
            MaxPool2d(kernelSize: try size(interp, a["kernel_size"], "kernel_size"),
                      stride: try a.optional("stride").map { try size(interp, $0, "stride") },
                      padding: try size(interp, a["padding"], "padding"), dilation: try size(interp, a["dilation"], "dilation"),
                      returnIndices: try a.bool("return_indices"), ceilMode: try a.bool("ceil_mode"))
        }, forward: { _, m, args in
            let pool = m as! MaxPool2d
            let x = try input(args, "MaxPool2d")
            if pool.returnIndices {
                let (v, i) = try pool.forwardWithIndices(x)
                return .tuple([TorchValues.box(v), TorchValues.box(i)])
            }
            return TorchValues.box(try pool.forward(x))
        }))
        types.append(layer("AvgPool2d", ["kernel_size", .init("stride", default: .none), .init("padding", default: .int(0)),
                                         .init("ceil_mode", default: .bool(false)), .init("count_include_pad", default: .bool(true)),
                                         .init("divisor_override", default: .none)]) { interp, a in
            AvgPool2d(kernelSize: try size(interp, a["kernel_size"], "kernel_size"),
                      stride: try a.optional("stride").map { try size(interp, $0, "stride") },
                      padding: try size(interp, a["padding"], "padding"), ceilMode: try a.bool("ceil_mode"),
                      countIncludePad: try a.bool("count_include_pad"), divisorOverride: try a.optionalInt("divisor_override"))
        })
        types.append(layer("AdaptiveAvgPool2d", ["output_size"]) { interp, a in
            AdaptiveAvgPool2d(outputSize: try size(interp, a["output_size"], "output_size"))
        })
        types.append(layer("ReLU", [.init("inplace", default: .bool(false))]) { _, a in ReLU(inplace: try a.bool("inplace")) })
        types.append(layer("LeakyReLU", [.init("negative_slope", default: .float(0.01)), .init("inplace", default: .bool(false))]) { interp, a in
            LeakyReLU(negativeSlope: try option(interp, a["negative_slope"]), inplace: try a.bool("inplace"))
        })
        types.append(layer("Sigmoid", []) { _, _ in Sigmoid() })
        types.append(layer("Tanh", []) { _, _ in Tanh() })
        types.append(layer("Identity", [.varPositional("args"), .varKeyword("kwargs")]) { _, _ in Identity() })
        types.append(layer("SiLU", [.init("inplace", default: .bool(false))]) { _, _ in SiLU() })
        types.append(layer("LogSigmoid", []) { _, _ in LogSigmoid() })
        types.append(layer("GELU", [.init("approximate", default: .string("none"))]) { _, a in GELU(approximate: try a.string("approximate")) })
        types.append(layer("ELU", [.init("alpha", default: .float(1)), .init("inplace", default: .bool(false))]) { interp, a in
            ELU(alpha: try option(interp, a["alpha"]), inplace: try a.bool("inplace"))
        })
        types.append(layer("Softplus", [.init("beta", default: .float(1)), .init("threshold", default: .float(20))]) { interp, a in
            Softplus(beta: try option(interp, a["beta"]), threshold: try option(interp, a["threshold"]))
        })
        types.append(layer("Hardtanh", [.init("min_val", default: .float(-1)), .init("max_val", default: .float(1)),
                                        .init("inplace", default: .bool(false))]) { interp, a in
            Hardtanh(minVal: try option(interp, a["min_val"]), maxVal: try option(interp, a["max_val"]))
        })
        types.append(layer("ReLU6", [.init("inplace", default: .bool(false))]) { _, a in ReLU6(inplace: try a.bool("inplace")) })
        types.append(layer("SELU", [.init("inplace", default: .bool(false))]) { _, a in SELU(inplace: try a.bool("inplace")) })
        types.append(layer("CELU", [.init("alpha", default: .float(1)), .init("inplace", default: .bool(false))]) { interp, a in
            CELU(alpha: try option(interp, a["alpha"]), inplace: try a.bool("inplace"))
        })
        types.append(layer("Softsign", []) { _, _ in Softsign() })
        types.append(layer("Tanhshrink", []) { _, _ in Tanhshrink() })
        types.append(layer("Softmax", [.init("dim", default: .none)]) { _, a in Softmax(dim: try a.optionalInt("dim")) })
        types.append(layer("LogSoftmax", [.init("dim", default: .none)]) { _, a in LogSoftmax(dim: try a.optionalInt("dim")) })
        types.append(layer("Dropout", [.init("p", default: .float(0.5)), .init("inplace", default: .bool(false))]) { interp, a in
            try Dropout(p: try option(interp, a["p"]), inplace: try a.bool("inplace"))
        })
        for spatialDims in [1, 2] {
            types.append(layer("BatchNorm\(spatialDims)d", ["num_features", .init("eps", default: .float(1e-5)), .init("momentum", default: .float(0.1)),
                                                         .init("affine", default: .bool(true)), .init("track_running_stats", default: .bool(true)),
                                                         .init("device", default: .none), .init("dtype", default: .none),
                                                         .keywordOnly("bias", default: .bool(true))]) { interp, a in
                try BatchNorm(spatialDims: spatialDims, numFeatures: a.int("num_features"), eps: option(interp, a["eps"]),
                              momentum: option(interp, a["momentum"]), affine: a.bool("affine"),
                              trackRunningStats: a.bool("track_running_stats"), bias: a.bool("bias"), dtype: a.dtype() ?? .float32)
            })
        }
        types.append(embedding())
        types.append(layer("LayerNorm", ["normalized_shape", .init("eps", default: .float(1e-5)), .init("elementwise_affine", default: .bool(true)),
                                         .init("bias", default: .bool(true)), .init("device", default: .none), .init("dtype", default: .none)],
                           make: { interp, a in
            try LayerNorm(normalizedShape: TorchValues.ints(interp, a["normalized_shape"], "normalized_shape"), eps: option(interp, a["eps"]),
                          elementwiseAffine: a.bool("elementwise_affine"), bias: a.bool("bias"), dtype: a.dtype() ?? .float32)
        }, extend: { b in
            func norm(_ v: Value) throws -> LayerNorm { try v.requirePayload(LayerNorm.self, "LayerNorm") }
            b.property("normalized_shape", get: { _, this in .tuple(try norm(this).normalizedShape.map(Value.int)) },
                       set: { interp, this, v in try norm(this).normalizedShape = TorchValues.ints(interp, v, "normalized_shape") })
            b.property("eps", get: { _, this in OptimizerBinding.value(try norm(this).eps) },
                       set: { interp, this, v in try norm(this).eps = option(interp, v) })
            b.property("elementwise_affine", get: { _, this in .bool(try norm(this).elementwiseAffine) },
                       set: { interp, this, v in try norm(this).elementwiseAffine = interp.isTruthy(v) })
        }))
        types.append(layer("Flatten", [.init("start_dim", default: .int(1)), .init("end_dim", default: .int(-1))]) { _, a in
            Flatten(startDim: try a.int("start_dim"), endDim: try a.int("end_dim"))
        })
        types.append(layer("Unflatten", ["dim", "unflattened_size"]) { interp, a in
            Unflatten(dim: try a.int("dim"), unflattenedSize: try TorchValues.ints(interp, a["unflattened_size"], "unflattened_size"))
        })
        return types
    }

    /// `nn.Embedding`, its attributes and `Embedding.from_pretrained`.
    static func embedding() -> PyType {
        let options: [NativeSignature.Parameter] = [.init("padding_idx", default: .none), .init("max_norm", default: .none),
                                                    .init("norm_type", default: .float(2)), .init("scale_grad_by_freq", default: .bool(false)),
                                                    .init("sparse", default: .bool(false))]
        let pretrained = NativeSignature("from_pretrained", parameters: ["embeddings", .init("freeze", default: .bool(true))] + options)
        return layer("Embedding", ["num_embeddings", "embedding_dim"] + options + [.init("_weight", default: .none), .init("_freeze", default: .bool(false)),
                                                                                 .init("device", default: .none), .init("dtype", default: .none)],
                     make: { interp, a in
            try Embedding(a.int("num_embeddings"), a.int("embedding_dim"), paddingIdx: a.optionalInt("padding_idx"),
                          maxNorm: option(interp, a["max_norm"]), normType: option(interp, a["norm_type"]),
                          scaleGradByFreq: a.bool("scale_grad_by_freq"), sparse: a.bool("sparse"), weight: a.optionalTensor("_weight"),
                          freeze: a.bool("_freeze"), dtype: a.dtype() ?? .float32)
        }, extend: { b in
            func table(_ v: Value) throws -> Embedding { try v.requirePayload(Embedding.self, "Embedding") }
            b.property("num_embeddings", get: { _, this in .int(try table(this).numEmbeddings) },
                       set: { interp, this, v in try table(this).numEmbeddings = interp.indexValue(v) })
            b.property("embedding_dim", get: { _, this in .int(try table(this).embeddingDim) },
                       set: { interp, this, v in try table(this).embeddingDim = interp.indexValue(v) })
            b.property("padding_idx", get: { _, this in try table(this).paddingIdx.map(Value.int) ?? .none },
                       set: { interp, this, v in try table(this).paddingIdx = v.isNone ? nil : interp.indexValue(v) })
            b.property("max_norm", get: { _, this in OptimizerBinding.value(try table(this).maxNorm) },
                       set: { interp, this, v in try table(this).maxNorm = option(interp, v) })
            b.property("norm_type", get: { _, this in OptimizerBinding.value(try table(this).normType) },
                       set: { interp, this, v in try table(this).normType = option(interp, v) })
            b.property("scale_grad_by_freq", get: { _, this in .bool(try table(this).scaleGradByFreq) },
                       set: { interp, this, v in try table(this).scaleGradByFreq = interp.isTruthy(v) })
            b.property("sparse", get: { _, this in .bool(try table(this).sparse) },
                       set: { interp, this, v in try table(this).sparse = interp.isTruthy(v) })
            b.classMethod("from_pretrained") { interp, cls, args in
                let a = try pretrained.bind(args)
                let m = try Embedding.fromPretrained(a.tensor("embeddings"), freeze: a.bool("freeze"), paddingIdx: a.optionalInt("padding_idx"),
                                                     maxNorm: option(interp, a["max_norm"]), normType: option(interp, a["norm_type"]),
                                                     scaleGradByFreq: a.bool("scale_grad_by_freq"), sparse: a.bool("sparse"))
                guard case .object(let o) = cls, let type = o as? PyType else { return NNModuleBinding.box(m) }
                let inst = PyInstance(cls: type)
                inst.becomeBox(of: m)
                return .object(inst)
            }
        })
    }

    /// Calls a child module as Python would (Python subclasses run their own forward).
    static func call(_ interp: Interpreter, _ m: Module, _ x: Value) throws -> Value {
        try interp.call(NNModuleBinding.box(m), Arguments([x]))
    }

    static func modules(_ interp: Interpreter, _ values: [Value]) throws -> [Module] {
        try values.map { v in
            guard let m = NNModuleBinding.module(v) else {
                throw PyError(.typeError, "\(v.typeName) is not a Module subclass")
            }
            return m
        }
    }

    static func containers() -> [PyType] {
        var types: [PyType] = []
        types.append(layer("Sequential", [.varPositional("args")], make: { interp, a in
            let args = a.extraPositional
            if args.count == 1, args[0].payload(OrderedDictBinding.Box.self) != nil || { if case .object(let o) = args[0] { return o is PyDict }; return false }() {
                let pairs = try OrderedDictBinding.pairs(interp, args[0])
                return Sequential(named: try pairs.map { (try interp.str($0.0), try modules(interp, [$0.1])[0]) })
            }
            return Sequential(try modules(interp, args))
        }, forward: { interp, m, args in
            var x = args.positional.first ?? .none
            for child in (m as! Sequential).elements { x = try call(interp, child, x) }
            return x
        }, extend: { b in sequenceProtocol(b, Sequential.self) }))
        types.append(layer("ModuleList", [.init("modules", default: .none)], make: { interp, a in
            ModuleList(try a.optional("modules").map { try modules(interp, interp.iterate($0)) } ?? [])
        }, forward: { _, m, _ in
            throw PyError(.notImplementedError, "Module [ModuleList] is missing the required \"forward\" function")
        }, extend: { b in sequenceProtocol(b, ModuleList.self) }))
        types.append(layer("ModuleDict", [.init("modules", default: .none)], make: { interp, a in
            let pairs = try a.optional("modules").map { try OrderedDictBinding.pairs(interp, $0) } ?? []
            return ModuleDict(try pairs.map { (try interp.str($0.0), try modules(interp, [$0.1])[0]) })
        }, forward: { _, _, _ in
            throw PyError(.notImplementedError, "Module [ModuleDict] is missing the required \"forward\" function")
        }, extend: { b in
            func dict(_ v: Value) throws -> ModuleDict {
                guard let d = v.payload(ModuleDict.self) else { throw PyError(.typeError, "expected ModuleDict") }
                return d
            }
            b.method("__getitem__") { interp, this, args in NNModuleBinding.box(try dict(this).element(forKey: interp.str(args.positional[0]))) }
            b.method("__setitem__") { interp, this, args in
                try dict(this).setElement(modules(interp, [args.positional[1]])[0], forKey: interp.str(args.positional[0]))
                return .none
            }
            b.method("__len__") { _, this, _ in .int(try dict(this).count) }
            b.method("__iter__") { interp, this, _ in .object(try interp.makeIterator(.list(try dict(this).keys.map { .string($0) }))) }
            b.method("__contains__") { interp, this, args in .bool(try dict(this).contains(interp.str(args.positional[0]))) }
            b.method("keys") { _, this, _ in .list(try dict(this).keys.map { .string($0) }) }
            b.method("values") { _, this, _ in .list(try dict(this).values.map(NNModuleBinding.box)) }
            b.method("items") { _, this, _ in .list(try dict(this).items.map { .tuple([.string($0.0), NNModuleBinding.box($0.1)]) }) }
        }))
        return types
    }

    /// Indexing, length, iteration and list methods shared by Sequential and ModuleList.
    static func sequenceProtocol<C: Module>(_ b: NativeClassBuilder, _ kind: C.Type) {
        func elements(_ v: Value) throws -> [Module] {
            if let s = v.payload(Sequential.self) { return s.elements }
            if let l = v.payload(ModuleList.self) { return l.elements }
            throw PyError(.typeError, "expected a module container")
        }
        b.method("__len__") { _, this, _ in .int(try elements(this).count) }
        b.method("__iter__") { interp, this, _ in .object(try interp.makeIterator(.list(try elements(this).map(NNModuleBinding.box)))) }
        b.method("__getitem__") { interp, this, args in
            let key = args.positional[0]
            if case .object(let o) = key, let s = o as? PySlice {
                let start = try TensorIndexing.bound(s.start), stop = try TensorIndexing.bound(s.stop), step = try TensorIndexing.bound(s.step)
                if let seq = this.payload(Sequential.self) { return NNModuleBinding.box(try seq.slice(start: start, stop: stop, step: step)) }
                if let list = this.payload(ModuleList.self) { return NNModuleBinding.box(try list.slice(start: start, stop: stop, step: step)) }
            }
            let i = try interp.indexValue(key)
            if let seq = this.payload(Sequential.self) { return NNModuleBinding.box(try seq.element(at: i)) }
            if let list = this.payload(ModuleList.self) { return NNModuleBinding.box(try list.element(at: i)) }
            return .none
        }
        b.method("__setitem__") { interp, this, args in
            let i = try interp.indexValue(args.positional[0])
            let m = try modules(interp, [args.positional[1]])[0]
            if let seq = this.payload(Sequential.self) { try seq.setElement(m, at: i) }
            if let list = this.payload(ModuleList.self) { try list.setElement(m, at: i) }
            return .none
        }
        b.method("append") { interp, this, args in
            let m = try modules(interp, [args.positional[0]])[0]
            this.payload(Sequential.self)?.append(m)
            this.payload(ModuleList.self)?.append(m)
            return this
        }
        b.method("extend") { interp, this, args in
            let ms = try modules(interp, interp.iterate(args.positional[0]))
            this.payload(Sequential.self)?.extend(ms)
            this.payload(ModuleList.self)?.extend(ms)
            return this
        }
        b.method("insert") { interp, this, args in
            let i = try interp.indexValue(args.positional[0])
            let m = try modules(interp, [args.positional[1]])[0]
            if let seq = this.payload(Sequential.self) { try seq.insert(m, at: i) }
            this.payload(ModuleList.self)?.insert(m, at: i)
            return .none
        }
    }

    static func lossForward(_ name: String) -> (Interpreter, Module, Arguments) throws -> Value {
        let signature = NativeSignature("forward", "input", "target")
        return { interp, m, args in
            let a = try signature.bind(args)
            let x = try TorchValues.requireTensor(a["input"], "forward", "input")
            let y = try TorchValues.requireTensor(a["target"], "forward", "target")
            if m is MSELoss || m is L1Loss, let w = Functional.targetSizeWarning(x, y) {
                interp.warn(w, file: "/usr/lib/python3/site-packages/torch/nn/modules/loss.py", line: m is MSELoss ? 630 : 133,
                            sourceLine: m is MSELoss ? "return F.mse_loss(input, target, reduction=self.reduction)"
                                                     : "return F.l1_loss(input, target, reduction=self.reduction)")
            }
            return TorchValues.box(try (m as! Loss).forward(x, y))
        }
    }

    static func losses() -> [PyType] {
        let reductionParams: [NativeSignature.Parameter] = [.init("size_average", default: .none), .init("reduce", default: .none),
                                                            .init("reduction", default: .string("mean"))]
        var types: [PyType] = []
        types.append(layer("MSELoss", reductionParams, make: { _, a in MSELoss(reduction: try reduction(a)) }, forward: lossForward("MSELoss")))
        types.append(layer("L1Loss", reductionParams, make: { _, a in L1Loss(reduction: try reduction(a)) }, forward: lossForward("L1Loss")))
        types.append(layer("CrossEntropyLoss", [.init("weight", default: .none), .init("size_average", default: .none),
                                                .init("ignore_index", default: .int(-100)), .init("reduce", default: .none),
                                                .init("reduction", default: .string("mean")), .init("label_smoothing", default: .float(0))],
                           make: { _, a in
            CrossEntropyLoss(weight: try a.optionalTensor("weight"), ignoreIndex: Int64(try a.int("ignore_index")),
                             reduction: try reduction(a), labelSmoothing: try a.double("label_smoothing"))
        }, forward: lossForward("CrossEntropyLoss")))
        types.append(layer("NLLLoss", [.init("weight", default: .none), .init("size_average", default: .none),
                                       .init("ignore_index", default: .int(-100)), .init("reduce", default: .none),
                                       .init("reduction", default: .string("mean"))], make: { _, a in
            NLLLoss(weight: try a.optionalTensor("weight"), ignoreIndex: Int64(try a.int("ignore_index")), reduction: try reduction(a))
        }, forward: lossForward("NLLLoss")))
        types.append(layer("BCELoss", [.init("weight", default: .none)] + reductionParams, make: { _, a in
            BCELoss(weight: try a.optionalTensor("weight"), reduction: try reduction(a))
        }, forward: lossForward("BCELoss")))
        types.append(layer("BCEWithLogitsLoss", [.init("weight", default: .none)] + reductionParams + [.init("pos_weight", default: .none)], make: { _, a in
            BCEWithLogitsLoss(weight: try a.optionalTensor("weight"), reduction: try reduction(a), posWeight: try a.optionalTensor("pos_weight"))
        }, forward: lossForward("BCEWithLogitsLoss")))
        types.append(layer("HuberLoss", [.init("reduction", default: .string("mean")), .init("delta", default: .float(1))], make: { _, a in
            HuberLoss(reduction: try reduction(a), delta: try a.double("delta"))
        }, forward: lossForward("HuberLoss")))
        types.append(layer("SmoothL1Loss", reductionParams + [.init("beta", default: .float(1))], make: { _, a in
            SmoothL1Loss(reduction: try reduction(a), beta: try a.double("beta"))
        }, forward: lossForward("SmoothL1Loss")))
        return types
    }
}
