import Autograd
import NN

/// `torch.optim`: the optimizers (payload: the engine's `Optimizer`), their
/// `param_groups` as live dict-like views (schedulers: `LRSchedulerBinding`).
enum OptimizerBinding {
    /// An option as a Python value (`0.1`, `0`, `False`, `None`, `(0.9, 0.999)`).
    static func value(_ o: OptionValue) -> Value {
        switch o {
        case .float(let d): return .float(d)
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .string(let s): return .string(s)
        case .tuple(let items): return .tuple(items.map(value))
        }
    }

    static func option(_ interp: Interpreter, _ v: Value) throws -> OptionValue {
        if case .object(let o) = v, let t = o as? PyTuple { return .tuple(try t.items.map { try option(interp, $0) }) }
        return try NNClasses.option(interp, v)
    }

    /// `params` as given to an optimizer: tensors, or dicts with a 'params' key and options.
    static func groups(_ interp: Interpreter, _ v: Value) throws -> [ParamGroupSpec] {
        let items = try interp.iterate(v)
        if items.isEmpty { return [] }
        if case .object(let o) = items[0], o is PyDict {
            return try items.map { item in
                guard case .object(let o) = item, let d = o as? PyDict else {
                    throw PyError(.typeError, "optimizer parameters need to be organized in ordered collections, but the ordering of tensors in sets will change between runs. Please use a list instead.")
                }
                var params: [Tensor] = []
                var options: [(key: String, value: OptionValue)] = []
                for (k, val) in d.items {
                    let key = try interp.str(k)
                    if key == "params" {
                        params = try TorchValues.tensor(val).map { [$0] } ?? interp.iterate(val).map { try TorchValues.requireTensor($0, "optimizer", "params") }
                    } else {
                        options.append((key, try option(interp, val)))
                    }
                }
                return ParamGroupSpec(params: params, options: options)
            }
        }
        let tensors = try items.map { v -> Tensor in
            guard let t = TorchValues.tensor(v) else {
                throw PyError(.typeError, "optimizer can only optimize Tensors, but one of the params is \(v.pyType.fullName)")
            }
            return t
        }
        return [ParamGroupSpec(params: tensors)]
    }

    static func pair(_ interp: Interpreter, _ v: Value) throws -> (OptionValue, OptionValue) {
        let items = try interp.iterate(v)
        guard items.count == 2 else { throw PyError(.valueError, "betas must be a pair") }
        return (try option(interp, items[0]), try option(interp, items[1]))
    }

    static func optimizerClass(_ name: String, _ params: [NativeSignature.Parameter],
                               make: @escaping (Interpreter, [ParamGroupSpec], BoundArguments) throws -> Optimizer,
                               zeroGradSetsNone: Bool) -> PyType {
        let signature = NativeSignature(name, parameters: ["params"] + params)
        return NativeClassBuilder(name, module: "torch.optim", base: base)
            .initializer { interp, this, args in
                let a = try signature.bind(args)
                let opt = try make(interp, try groups(interp, a["params"]), a)
                opt.zeroGradSetsNone = zeroGradSetsNone
                this.instance?.payload = opt
                return .none
            }
            .build()
    }

    static func optimizer(_ v: Value) throws -> Optimizer {
        guard let o = v.payload(Optimizer.self) else { throw PyError(.typeError, "expected an optimizer, got \(v.typeName)") }
        return o
    }

    private static let zeroGradSignature = NativeSignature("zero_grad", .init("set_to_none", default: .none))

    static let base: PyType = NativeClassBuilder("Optimizer", module: "torch.optim.optimizer", instantiable: false)
        .method("step") { interp, this, args in
            var loss: Value = .none
            if let closure = args.positional.first ?? args.keyword("closure"), !closure.isNone {
                loss = try GradMode.with(enabled: true) { try interp.call(closure, .empty) }
            }
            try optimizer(this).step()
            return loss
        }
        .method("zero_grad") { interp, this, args in
            let a = try zeroGradSignature.bind(args)
            try optimizer(this).zeroGrad(setToNone: try a.optional("set_to_none").map { try interp.isTruthy($0) })
            return .none
        }
        .method("add_param_group") { interp, this, args in
            for g in try groups(interp, .list([args.positional[0]])) { try optimizer(this).addParamGroup(g) }
            return .none
        }
        .method("__repr__") { interp, this, _ in
            .string(try optimizer(this).repr { (try? interp.repr(value($0))) ?? $0.pythonStr })
        }
        .property("param_groups") { _, this in
            .list(try optimizer(this).paramGroups.map { .object(PyInstance(cls: groupView, payload: $0)) })
        }
        .property("defaults") { interp, this in
            let d = PyDict()
            for (k, v) in try optimizer(this).defaults { d.set(.string(k), hash: try interp.hashKey(.string(k)), value(v)) }
            return .object(d)
        }
        .method("state_dict") { interp, this, _ in try stateDict(interp, try optimizer(this)) }
        .property("state") { interp, this in
            let d = PyDict()
            for (p, s) in try optimizer(this).stateEntries {
                let inner = PyDict()
                for (k, t) in s.entries { inner.set(.string(k), hash: try interp.hashKey(.string(k)), TorchValues.box(t)) }
                let key = TorchValues.box(p)
                d.set(key, hash: try interp.hashKey(key), .object(inner))
            }
            return .object(d)
        }
        .build()

    /// `optimizer.state_dict()`: per-parameter state and the groups' options,
    /// parameters named by their index across all groups, as PyTorch packs them.
    static func stateDict(_ interp: Interpreter, _ opt: Optimizer) throws -> Value {
        func dict(_ pairs: [(String, Value)]) throws -> PyDict {
            let d = PyDict()
            for (k, v) in pairs { d.set(.string(k), hash: try interp.hashKey(.string(k)), v) }
            return d
        }
        var index: [ObjectIdentifier: Int] = [:]
        var groups: [Value] = []
        for g in opt.paramGroups {
            var ids: [Value] = []
            for p in g.params {
                let i = index[ObjectIdentifier(p)] ?? index.count
                index[ObjectIdentifier(p)] = i
                ids.append(.int(i))
            }
            groups.append(.object(try dict(g.options.map { ($0.key, value($0.value)) } + [("params", .list(ids))])))
        }
        let state = PyDict()
        for (p, s) in opt.stateEntries {
            guard let i = index[ObjectIdentifier(p)] else { continue }
            state.set(.int(i), hash: try interp.hashKey(.int(i)), .object(try dict(s.entries.map { ($0.key, TorchValues.box($0.value)) })))
        }
        return .object(try dict([("state", .object(state)), ("param_groups", .list(groups))]))
    }

    /// One param group as a live dict: `group['lr'] = 0.01` changes the optimizer.
    static let groupView: PyType = NativeClassBuilder("dict", module: "builtins", instantiable: false)
        .method("__getitem__") { interp, this, args in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            let key = try interp.str(args.positional[0])
            if key == "params" { return .list(g.params.map(TorchValues.box)) }
            guard let v = g[key] else { throw PyError(exception: PyType.makeException(.keyError, args: [args.positional[0]])) }
            return value(v)
        }
        .method("__setitem__") { interp, this, args in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            let key = try interp.str(args.positional[0])
            if key == "params" {
                g.params = try interp.iterate(args.positional[1]).map { try TorchValues.requireTensor($0, "param_groups", "params") }
            } else {
                g[key] = try option(interp, args.positional[1])
            }
            return .none
        }
        .method("get") { interp, this, args in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            let key = try interp.str(args.positional[0])
            if key == "params" { return .list(g.params.map(TorchValues.box)) }
            return g[key].map(value) ?? (args.positional.count > 1 ? args.positional[1] : .none)
        }
        .method("keys") { _, this, _ in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            return .list([.string("params")] + g.options.map { .string($0.key) })
        }
        .method("items") { _, this, _ in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            return .list([.tuple([.string("params"), .list(g.params.map(TorchValues.box))])] + g.options.map { .tuple([.string($0.key), value($0.value)]) })
        }
        .method("__contains__") { interp, this, args in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            let key = try interp.str(args.positional[0])
            return .bool(key == "params" || g[key] != nil)
        }
        .method("__iter__") { interp, this, _ in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            return .object(try interp.makeIterator(.list([.string("params")] + g.options.map { .string($0.key) })))
        }
        .method("__repr__") { interp, this, _ in
            let g = try this.requirePayload(ParamGroup.self, "param group")
            var parts = ["'params': " + (try interp.repr(.list(g.params.map(TorchValues.box))))]
            for (k, v) in g.options { parts.append("'\(k)': " + (try interp.repr(value(v)))) }
            return .string("{" + parts.joined(separator: ", ") + "}")
        }
        .build()

    static func make(_ interp: Interpreter, oneflow: Bool) throws -> PyModule {
        let m = PyModule(name: "torch.optim")
        let setsNone = !oneflow
        m["Optimizer"] = .object(base)
        m["SGD"] = .object(optimizerClass("SGD", [.init("lr", default: .float(0.001)), .init("momentum", default: .int(0)),
                                                 .init("dampening", default: .int(0)), .init("weight_decay", default: .int(0)),
                                                 .init("nesterov", default: .bool(false)), .keywordOnly("maximize", default: .bool(false)),
                                                 .keywordOnly("foreach", default: .none), .keywordOnly("differentiable", default: .bool(false)),
                                                 .keywordOnly("fused", default: .none)], make: { interp, g, a in
            try SGD(g, lr: option(interp, a["lr"]), momentum: option(interp, a["momentum"]), dampening: option(interp, a["dampening"]),
                    weightDecay: option(interp, a["weight_decay"]), nesterov: a.bool("nesterov"), maximize: a.bool("maximize"))
        }, zeroGradSetsNone: setsNone))
        let adamParams: [NativeSignature.Parameter] = [.init("lr", default: .float(0.001)), .init("betas", default: .tuple([.float(0.9), .float(0.999)])),
                                                       .init("eps", default: .float(1e-8)), .init("weight_decay", default: .int(0)),
                                                       .init("amsgrad", default: .bool(false)), .keywordOnly("foreach", default: .none),
                                                       .keywordOnly("maximize", default: .bool(false)), .keywordOnly("capturable", default: .bool(false)),
                                                       .keywordOnly("differentiable", default: .bool(false)), .keywordOnly("fused", default: .none),
                                                       .keywordOnly("decoupled_weight_decay", default: .bool(false))]
        m["Adam"] = .object(optimizerClass("Adam", adamParams, make: { interp, g, a in
            try Adam(g, lr: option(interp, a["lr"]), betas: pair(interp, a["betas"]), eps: option(interp, a["eps"]),
                     weightDecay: option(interp, a["weight_decay"]), amsgrad: a.bool("amsgrad"), maximize: a.bool("maximize"),
                     decoupledWeightDecay: a.bool("decoupled_weight_decay"))
        }, zeroGradSetsNone: setsNone))
        var adamWParams = adamParams
        adamWParams[3] = .init("weight_decay", default: .float(0.01))
        adamWParams.removeLast()
        m["AdamW"] = .object(optimizerClass("AdamW", adamWParams, make: { interp, g, a in
            try AdamW(g, lr: option(interp, a["lr"]), betas: pair(interp, a["betas"]), eps: option(interp, a["eps"]),
                      weightDecay: option(interp, a["weight_decay"]), amsgrad: a.bool("amsgrad"), maximize: a.bool("maximize"))
        }, zeroGradSetsNone: setsNone))
        m["RMSprop"] = .object(optimizerClass("RMSprop", [.init("lr", default: .float(0.01)), .init("alpha", default: .float(0.99)),
                                                         .init("eps", default: .float(1e-8)), .init("weight_decay", default: .int(0)),
                                                         .init("momentum", default: .int(0)), .init("centered", default: .bool(false)),
                                                         .keywordOnly("capturable", default: .bool(false)), .keywordOnly("foreach", default: .none),
                                                         .keywordOnly("maximize", default: .bool(false)), .keywordOnly("differentiable", default: .bool(false))],
                                              make: { interp, g, a in
            try RMSprop(g, lr: option(interp, a["lr"]), alpha: option(interp, a["alpha"]), eps: option(interp, a["eps"]),
                        weightDecay: option(interp, a["weight_decay"]), momentum: option(interp, a["momentum"]),
                        centered: a.bool("centered"), maximize: a.bool("maximize"))
        }, zeroGradSetsNone: setsNone))
        m["Adagrad"] = .object(optimizerClass("Adagrad", [.init("lr", default: .float(0.01)), .init("lr_decay", default: .int(0)),
                                                         .init("weight_decay", default: .int(0)), .init("initial_accumulator_value", default: .int(0)),
                                                         .init("eps", default: .float(1e-10)), .keywordOnly("foreach", default: .none),
                                                         .keywordOnly("maximize", default: .bool(false)), .keywordOnly("differentiable", default: .bool(false)),
                                                         .keywordOnly("fused", default: .none)], make: { interp, g, a in
            try Adagrad(g, lr: option(interp, a["lr"]), lrDecay: option(interp, a["lr_decay"]), weightDecay: option(interp, a["weight_decay"]),
                        initialAccumulatorValue: option(interp, a["initial_accumulator_value"]), eps: option(interp, a["eps"]),
                        maximize: a.bool("maximize"))
        }, zeroGradSetsNone: setsNone))
        return m
    }
}
