import Autograd
import NN

/// `torch.nn.functional`, `torch.nn.init` and `torch.nn.utils`.
enum FunctionalModule {
    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.nn.functional")
        func add(_ name: String, _ params: [NativeSignature.Parameter], _ body: @escaping (Interpreter, BoundArguments) throws -> Value) {
            let signature = NativeSignature(name, parameters: params)
            m.addFunction(name) { interp, args in try body(interp, try signature.bind(args)) }
        }
        func tensorOut(_ name: String, _ params: [NativeSignature.Parameter], _ body: @escaping (Interpreter, BoundArguments) throws -> Tensor) {
            add(name, params) { interp, a in TorchValues.box(try body(interp, a)) }
        }
        let inplace = NativeSignature.Parameter("inplace", default: .bool(false))
        tensorOut("relu", ["input", inplace]) { _, a in try Functional.relu(a.tensor("input"), inplace: a.bool("inplace")) }
        tensorOut("relu_", ["input"]) { _, a in try Functional.relu(a.tensor("input"), inplace: true) }
        tensorOut("leaky_relu", ["input", .init("negative_slope", default: .float(0.01)), inplace]) { _, a in
            try Functional.leakyRelu(a.tensor("input"), negativeSlope: a.double("negative_slope"), inplace: a.bool("inplace"))
        }
        tensorOut("sigmoid", ["input"]) { _, a in try Functional.sigmoid(a.tensor("input")) }
        tensorOut("tanh", ["input"]) { _, a in try Functional.tanh(a.tensor("input")) }
        tensorOut("gelu", ["input", .keywordOnly("approximate", default: .string("none"))]) { _, a in
            try Functional.gelu(a.tensor("input"), approximate: a.string("approximate"))
        }
        tensorOut("elu", ["input", .init("alpha", default: .float(1)), inplace]) { _, a in try Functional.elu(a.tensor("input"), alpha: a.double("alpha")) }
        tensorOut("softplus", ["input", .init("beta", default: .float(1)), .init("threshold", default: .float(20))]) { _, a in
            try Functional.softplus(a.tensor("input"), beta: a.double("beta"), threshold: a.double("threshold"))
        }
        tensorOut("silu", ["input", inplace]) { _, a in try Functional.silu(a.tensor("input")) }
        tensorOut("logsigmoid", ["input"]) { _, a in try Functional.logSigmoid(a.tensor("input")) }
        tensorOut("hardtanh", ["input", .init("min_val", default: .float(-1)), .init("max_val", default: .float(1)), inplace]) { _, a in
            try Functional.hardtanh(a.tensor("input"), minVal: a.double("min_val"), maxVal: a.double("max_val"))
        }
        tensorOut("pad", ["input", "pad", .init("mode", default: .string("constant")), .init("value", default: .none)]) { interp, a in
            let mode = try a.string("mode")
            guard mode == "constant" else {
                throw PyError(.notImplementedError, "Litgrad supports F.pad with mode='constant' only (got mode='\(mode)')")
            }
            let value = try a.optional("value").map { try interp.toDouble($0) } ?? 0
            return try a.tensor("input").constantPad(TorchValues.ints(interp, a["pad"], "pad"), value: value)
        }
        tensorOut("relu6", ["input", inplace]) { _, a in try Functional.hardtanh(a.tensor("input"), minVal: 0, maxVal: 6) }
        tensorOut("selu", ["input", inplace]) { _, a in try a.tensor("input").selu() }
        tensorOut("celu", ["input", .init("alpha", default: .float(1)), inplace]) { _, a in try a.tensor("input").celu(alpha: a.double("alpha")) }
        // Python-level compositions in torch.nn.functional, recorded as theirs are.
        tensorOut("softsign", ["input"]) { _, a in try Functional.softsign(a.tensor("input")) }
        tensorOut("tanhshrink", ["input"]) { _, a in try Functional.tanhshrink(a.tensor("input")) }
        for name in ["softmax", "log_softmax"] {
            tensorOut(name, ["input", .init("dim", default: .none), .init("_stacklevel", default: .int(3)), .init("dtype", default: .none)]) { interp, a in
                var x = try a.tensor("input")
                if let d = try a.dtype() { x = try x.to(d) }
                let dim = try a.optionalInt("dim")
                if dim == nil { interp.warn(Functional.implicitDimWarning(name)) }
                return try name == "softmax" ? Functional.softmax(x, dim: dim) : Functional.logSoftmax(x, dim: dim)
            }
        }
        tensorOut("linear", ["input", "weight", .init("bias", default: .none)]) { _, a in
            try Functional.linear(a.tensor("input"), a.tensor("weight"), a.optionalTensor("bias"))
        }
        tensorOut("conv2d", ["input", "weight", .init("bias", default: .none), .init("stride", default: .int(1)),
                             .init("padding", default: .int(0)), .init("dilation", default: .int(1)), .init("groups", default: .int(1))]) { interp, a in
            let padding: ConvPaddingArgument
            switch a["padding"].stringValue {
            case "same"?: padding = .same
            case "valid"?: padding = .valid
            case let s?: throw PyError(.valueError, "Invalid padding string '\(s)', should be one of ['valid', 'same']")
            case nil: padding = .size(try NNClasses.size(interp, a["padding"], "padding"))
            }
            return try Functional.conv2d(a.tensor("input"), a.tensor("weight"), bias: a.optionalTensor("bias"),
                                         stride: NNClasses.size(interp, a["stride"], "stride"), padding: padding,
                                         dilation: NNClasses.size(interp, a["dilation"], "dilation"), groups: a.int("groups"))
        }
        add("max_pool2d", ["input", "kernel_size", .init("stride", default: .none), .init("padding", default: .int(0)),
                           .init("dilation", default: .int(1)), .init("ceil_mode", default: .bool(false)),
                           .init("return_indices", default: .bool(false))]) { interp, a in
            let k = try NNClasses.size(interp, a["kernel_size"], "kernel_size")
            let s = try a.optional("stride").map { try NNClasses.size(interp, $0, "stride") }
            let p = try NNClasses.size(interp, a["padding"], "padding"), d = try NNClasses.size(interp, a["dilation"], "dilation")
            if try a.bool("return_indices") {
                let (v, i) = try Functional.maxPool2dWithIndices(a.tensor("input"), kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: a.bool("ceil_mode"))
                return .tuple([TorchValues.box(v), TorchValues.box(i)])
            }
            return TorchValues.box(try Functional.maxPool2d(a.tensor("input"), kernelSize: k, stride: s, padding: p, dilation: d, ceilMode: a.bool("ceil_mode")))
        }
        tensorOut("avg_pool2d", ["input", "kernel_size", .init("stride", default: .none), .init("padding", default: .int(0)),
                                 .init("ceil_mode", default: .bool(false)), .init("count_include_pad", default: .bool(true)),
                                 .init("divisor_override", default: .none)]) { interp, a in
            try Functional.avgPool2d(a.tensor("input"), kernelSize: NNClasses.size(interp, a["kernel_size"], "kernel_size"),
                                     stride: a.optional("stride").map { try NNClasses.size(interp, $0, "stride") },
                                     padding: NNClasses.size(interp, a["padding"], "padding"), ceilMode: a.bool("ceil_mode"),
                                     countIncludePad: a.bool("count_include_pad"), divisorOverride: a.optionalInt("divisor_override"))
        }
        tensorOut("adaptive_avg_pool2d", ["input", "output_size"]) { interp, a in
            try Functional.adaptiveAvgPool2d(a.tensor("input"), outputSize: NNClasses.size(interp, a["output_size"], "output_size"))
        }
        tensorOut("dropout", ["input", .init("p", default: .float(0.5)), .init("training", default: .bool(true)), inplace]) { _, a in
            try Functional.dropout(a.tensor("input"), p: a.double("p"), training: a.bool("training"), inplace: a.bool("inplace"))
        }
        tensorOut("batch_norm", ["input", "running_mean", "running_var", .init("weight", default: .none), .init("bias", default: .none),
                                 .init("training", default: .bool(false)), .init("momentum", default: .float(0.1)),
                                 .init("eps", default: .float(1e-5))]) { _, a in
            try Functional.batchNorm(a.tensor("input"), runningMean: a.optionalTensor("running_mean"), runningVar: a.optionalTensor("running_var"),
                                     weight: a.optionalTensor("weight"), bias: a.optionalTensor("bias"), training: a.bool("training"),
                                     momentum: a.double("momentum"), eps: a.double("eps"))
        }
        tensorOut("layer_norm", ["input", "normalized_shape", .init("weight", default: .none), .init("bias", default: .none),
                                 .init("eps", default: .float(1e-5))]) { interp, a in
            let shape = a["normalized_shape"]
            guard !TorchValues.isInt(shape) else {
                throw PyError(.typeError, "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not \(shape.typeName)")
            }
            return try Functional.layerNorm(a.tensor("input"), normalizedShape: TorchValues.ints(interp, shape, "layer_norm(): argument 'normalized_shape' (position 2)"),
                                            weight: a.optionalTensor("weight"), bias: a.optionalTensor("bias"), eps: a.double("eps"))
        }
        tensorOut("embedding", ["input", "weight", .init("padding_idx", default: .none), .init("max_norm", default: .none),
                                .init("norm_type", default: .float(2)), .init("scale_grad_by_freq", default: .bool(false)),
                                .init("sparse", default: .bool(false))]) { _, a in
            try Functional.embedding(a.tensor("input"), a.tensor("weight"), paddingIdx: a.optionalInt("padding_idx"),
                                     maxNorm: a.optional("max_norm").map { _ in try a.double("max_norm") }, normType: a.double("norm_type"),
                                     scaleGradByFreq: a.bool("scale_grad_by_freq"), sparse: a.bool("sparse"))
        }
        tensorOut("one_hot", ["tensor", .init("num_classes", default: .int(-1))]) { _, a in
            try Functional.oneHot(a.tensor("tensor"), numClasses: a.int("num_classes"))
        }
        tensorOut("flatten", ["input", .init("start_dim", default: .int(0)), .init("end_dim", default: .int(-1))]) { _, a in
            try Functional.flatten(a.tensor("input"), startDim: a.int("start_dim"), endDim: a.int("end_dim"))
        }
        tensorOut("normalize", ["input", .init("p", default: .float(2)), .init("dim", default: .int(1)), .init("eps", default: .float(1e-12))]) { _, a in
            let x = try a.tensor("input")
            let n = try x.norm(p: a.double("p"), dims: [a.int("dim")], keepdim: true).clampMin(a.double("eps"))
            return try x.div(n.expandAs(x))
        }
        let reductionParams: [NativeSignature.Parameter] = [.init("size_average", default: .none), .init("reduce", default: .none),
                                                            .init("reduction", default: .string("mean"))]
        tensorOut("mse_loss", ["input", "target"] + reductionParams) { interp, a in
            let x = try a.tensor("input"), y = try a.tensor("target")
            if let w = Functional.targetSizeWarning(x, y) { interp.warn(w) }
            return try Functional.mseLoss(x, y, reduction: NNClasses.reduction(a))
        }
        tensorOut("l1_loss", ["input", "target"] + reductionParams) { interp, a in
            let x = try a.tensor("input"), y = try a.tensor("target")
            if let w = Functional.targetSizeWarning(x, y) { interp.warn(w) }
            return try Functional.l1Loss(x, y, reduction: NNClasses.reduction(a))
        }
        tensorOut("cross_entropy", ["input", "target", .init("weight", default: .none), .init("size_average", default: .none),
                                    .init("ignore_index", default: .int(-100)), .init("reduce", default: .none),
                                    .init("reduction", default: .string("mean")), .init("label_smoothing", default: .float(0))]) { _, a in
            try Functional.crossEntropy(a.tensor("input"), a.tensor("target"), weight: a.optionalTensor("weight"),
                                        ignoreIndex: Int64(a.int("ignore_index")), reduction: NNClasses.reduction(a),
                                        labelSmoothing: a.double("label_smoothing"))
        }
        tensorOut("nll_loss", ["input", "target", .init("weight", default: .none), .init("size_average", default: .none),
                               .init("ignore_index", default: .int(-100)), .init("reduce", default: .none),
                               .init("reduction", default: .string("mean"))]) { _, a in
            try Functional.nllLoss(a.tensor("input"), a.tensor("target"), weight: a.optionalTensor("weight"),
                                   ignoreIndex: Int64(a.int("ignore_index")), reduction: NNClasses.reduction(a))
        }
        tensorOut("binary_cross_entropy", ["input", "target", .init("weight", default: .none)] + reductionParams) { _, a in
            try Functional.binaryCrossEntropy(a.tensor("input"), a.tensor("target"), weight: a.optionalTensor("weight"), reduction: NNClasses.reduction(a))
        }
        tensorOut("binary_cross_entropy_with_logits", ["input", "target", .init("weight", default: .none)] + reductionParams + [.init("pos_weight", default: .none)]) { _, a in
            try Functional.binaryCrossEntropyWithLogits(a.tensor("input"), a.tensor("target"), weight: a.optionalTensor("weight"),
                                                        posWeight: a.optionalTensor("pos_weight"), reduction: NNClasses.reduction(a))
        }
        tensorOut("huber_loss", ["input", "target", .init("reduction", default: .string("mean")), .init("delta", default: .float(1))]) { _, a in
            try Functional.huberLoss(a.tensor("input"), a.tensor("target"), reduction: NNClasses.reduction(a), delta: a.double("delta"))
        }
        tensorOut("smooth_l1_loss", ["input", "target"] + reductionParams + [.init("beta", default: .float(1))]) { _, a in
            try Functional.smoothL1Loss(a.tensor("input"), a.tensor("target"), reduction: NNClasses.reduction(a), beta: a.double("beta"))
        }
        return m
    }

    static func initModule(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.nn.init")
        func add(_ name: String, _ params: [NativeSignature.Parameter], _ body: @escaping (Interpreter, Tensor, BoundArguments) throws -> Tensor) {
            let signature = NativeSignature(name, parameters: ["tensor"] + params + [.keywordOnly("generator", default: .none)])
            m.addFunction(name) { interp, args in
                let a = try signature.bind(args)
                let t = try a.tensor("tensor")
                return TorchValues.box(try body(interp, t, a))
            }
        }
        add("constant_", ["val"]) { interp, t, a in try Init.constant(t, TorchValues.double(interp, a["val"])) }
        add("zeros_", []) { _, t, _ in try Init.zeros(t) }
        add("ones_", []) { _, t, _ in try Init.ones(t) }
        add("uniform_", [.init("a", default: .float(0)), .init("b", default: .float(1))]) { _, t, a in
            try Init.uniform(t, a: a.double("a"), b: a.double("b"), generator: TorchGeneratorBinding.generator(a))
        }
        add("normal_", [.init("mean", default: .float(0)), .init("std", default: .float(1))]) { _, t, a in
            try Init.normal(t, mean: a.double("mean"), std: a.double("std"), generator: TorchGeneratorBinding.generator(a))
        }
        add("xavier_uniform_", [.init("gain", default: .float(1))]) { _, t, a in
            try Init.xavierUniform(t, gain: a.double("gain"), generator: TorchGeneratorBinding.generator(a))
        }
        add("xavier_normal_", [.init("gain", default: .float(1))]) { _, t, a in
            try Init.xavierNormal(t, gain: a.double("gain"), generator: TorchGeneratorBinding.generator(a))
        }
        add("kaiming_uniform_", [.init("a", default: .int(0)), .init("mode", default: .string("fan_in")), .init("nonlinearity", default: .string("leaky_relu"))]) { interp, t, a in
            try Init.kaimingUniform(t, a: NNClasses.option(interp, a["a"]), mode: a.string("mode"), nonlinearity: a.string("nonlinearity"),
                                    generator: TorchGeneratorBinding.generator(a))
        }
        add("kaiming_normal_", [.init("a", default: .int(0)), .init("mode", default: .string("fan_in")), .init("nonlinearity", default: .string("leaky_relu"))]) { interp, t, a in
            try Init.kaimingNormal(t, a: NNClasses.option(interp, a["a"]), mode: a.string("mode"), nonlinearity: a.string("nonlinearity"),
                                   generator: TorchGeneratorBinding.generator(a))
        }
        add("trunc_normal_", [.init("mean", default: .float(0)), .init("std", default: .float(1)), .init("a", default: .float(-2)), .init("b", default: .float(2))]) { _, t, a in
            try Init.truncNormal(t, mean: a.double("mean"), std: a.double("std"), a: a.double("a"), b: a.double("b"), generator: TorchGeneratorBinding.generator(a))
        }
        m.addFunction("calculate_gain") { interp, args in
            let a = try NativeSignature("calculate_gain", "nonlinearity", .init("param", default: .none)).bind(args)
            let gain = try Init.calculateGain(a.string("nonlinearity"), param: a.optional("param").map { try NNClasses.option(interp, $0) })
            return OptimizerBinding.value(gain)
        }
        return m
    }

    static func utilsModule(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.nn.utils")
        func parameters(_ interp: Interpreter, _ v: Value) throws -> [Tensor] {
            if let t = TorchValues.tensor(v) { return [t] }
            return try interp.iterate(v).map { try TorchValues.requireTensor($0, "clip_grad_norm_", "parameters") }
        }
        m.addFunction("clip_grad_norm_") { interp, args in
            let a = try NativeSignature("clip_grad_norm_", "parameters", "max_norm", .init("norm_type", default: .float(2)),
                                        .init("error_if_nonfinite", default: .bool(false)), .init("foreach", default: .none)).bind(args)
            return TorchValues.box(try NNUtils.clipGradNorm(parameters(interp, a["parameters"]), maxNorm: a.double("max_norm"),
                                                            normType: a.double("norm_type"), errorIfNonfinite: a.bool("error_if_nonfinite")))
        }
        m.addFunction("clip_grad_value_") { interp, args in
            let a = try NativeSignature("clip_grad_value_", "parameters", "clip_value", .init("foreach", default: .none)).bind(args)
            try NNUtils.clipGradValue(parameters(interp, a["parameters"]), clipValue: a.double("clip_value"))
            return .none
        }
        m.addFunction("parameters_to_vector") { interp, args in
            let ps = try parameters(interp, args.positional.first ?? .none)
            return TorchValues.box(try Tensor.cat(ps.map { try $0.reshape([-1]) }, dim: 0))
        }
        return m
    }
}
