import Autograd
import NN

/// `torch.optim.lr_scheduler`: the schedulers (payload: the engine's
/// `LRScheduler`), their `step` forms and the warnings PyTorch prints.
enum LRSchedulerBinding {
    static func scheduler(_ v: Value) throws -> LRScheduler {
        try v.requirePayload(LRScheduler.self, "LRScheduler")
    }

    private static let torchFile = "/usr/lib/python3/site-packages/torch/optim/lr_scheduler.py"
    /// Where PyTorch 2.15's wrappers call their members' `step()`: warnings
    /// raised there name that line of lr_scheduler.py, not the user's.
    private static let wrapperCallSites = ["SequentialLR": 1194, "ChainedScheduler": 1542]
    /// Where each class's `get_lr` warns that users should call `get_last_lr()`.
    private static let getLRWarningLines = [
        "LambdaLR": 461, "MultiplicativeLR": 579, "StepLR": 654, "MultiStepLR": 744, "ConstantLR": 845, "LinearLR": 959,
        "ExponentialLR": 1058, "PolynomialLR": 1304, "CosineAnnealingLR": 1426, "CosineAnnealingWarmRestarts": 2200, "OneCycleLR": 2571,
    ]

    /// Shows a scheduler's warning on stderr where Python would.
    static func report(_ interp: Interpreter, _ w: SchedulerWarning) {
        if let wrapper = w.wrapper, let line = wrapperCallSites[wrapper] {
            interp.warn(w.message, file: torchFile, line: line, sourceLine: "scheduler.step()")
        } else {
            interp.warn(w.message)
        }
    }

    /// The `step` signatures, with `self` so that argument-count errors count it as Python's do.
    private static let epochStep = NativeSignature("LRScheduler.step", "self", .init("epoch", default: .none))
    private static let restartsStep = NativeSignature("CosineAnnealingWarmRestarts.step", "self", .init("epoch", default: .none))
    private static let plateauStep = NativeSignature("ReduceLROnPlateau.step", "self", "metrics", .init("epoch", default: .none))

    /// `step()`, `step(epoch)` (deprecated) and ReduceLROnPlateau's `step(metrics)`.
    private static func step(_ interp: Interpreter, _ this: Value, _ args: Arguments) throws {
        let s = try scheduler(this)
        let args = args.prepending(this)
        let warn: SchedulerWarning.Sink = { report(interp, $0) }
        switch s {
        case let plateau as ReduceLROnPlateau:
            let a = try plateauStep.bind(args)
            let metric = try interp.toDouble(try interp.call(.object(PyType.float), Arguments([a["metrics"]])))
            try plateau.step(metric: metric, epoch: a.optional("epoch") == nil ? nil : a.int("epoch"), warn: warn)
        case is SequentialLR, is ChainedScheduler:
            _ = try NativeSignature("\(type(of: s)).step", "self").bind(args)
            try s.step(warn: warn)
        case let restarts as CosineAnnealingWarmRestarts:
            let a = try restartsStep.bind(args)
            if let epoch = a.optional("epoch") {
                try restarts.step(epoch: OptimizerBinding.option(interp, epoch))
            } else {
                try restarts.step(warn: warn)
            }
        default:
            let a = try epochStep.bind(args)
            if a.optional("epoch") == nil { try s.step(warn: warn) } else { try s.step(epoch: a.int("epoch"), warn: warn) }
        }
    }

    private static let baseInit = NativeSignature("LRScheduler.__init__", "self", "optimizer", .init("last_epoch", default: .int(-1)))

    static let base: PyType = NativeClassBuilder("LRScheduler", module: "torch.optim.lr_scheduler", instantiable: false)
        .initializer { interp, this, args in
            // Reached through super().__init__ of a Python subclass, whose get_lr is the rule.
            let a = try baseInit.bind(args.prepending(this))
            guard case .object(let o) = this, let instance = o as? PyInstance else { return .none }
            let s = try CustomLRScheduler(optimizer: OptimizerBinding.optimizer(a["optimizer"]), lastEpoch: a.int("last_epoch")) {
                [unowned interp, weak instance] in
                guard let instance else { return [] }
                let lrs = try interp.callMethod(.object(instance), "get_lr")
                return try interp.iterate(lrs).map { try OptimizerBinding.option(interp, $0) }
            }
            instance.payload = s
            instance.attributes.set(Symbol.intern("optimizer"), a["optimizer"])
            try s.takeInitialStep()
            return .none
        }
        .method("step") { interp, this, args in
            try step(interp, this, args)
            return .none
        }
        .method("get_last_lr") { _, this, _ in .list(try scheduler(this).getLastLR().map(OptimizerBinding.value)) }
        .method("get_lr") { interp, this, _ in
            let s = try scheduler(this)
            // The wrappers, ReduceLROnPlateau and a Python subclass without its own get_lr
            // reach the base get_lr, which raises without warning.
            if s is CustomLRScheduler { throw PyError(type: "NotImplementedError", message: "") }
            if let line = getLRWarningLines["\(type(of: s))"] {
                interp.warn("To get the last learning rate computed by the scheduler, please use `get_last_lr()`.",
                            file: torchFile, line: line, sourceLine: "_warn_get_lr_called_within_step(self)")
            }
            return .list(try s.computeLR().map(OptimizerBinding.value))
        }
        .property("last_epoch") { _, this in
            let s = try scheduler(this)
            if s is ChainedScheduler { throw PyError(.attributeError, "'ChainedScheduler' object has no attribute 'last_epoch'") }
            return .int(s.lastEpoch)
        }
        .property("base_lrs") { _, this in .list(try scheduler(this).requireBaseLRs().map(OptimizerBinding.value)) }
        .build()

    /// A value given once for every group or as a list or tuple of one per group.
    static func perGroup<T>(_ interp: Interpreter, _ v: Value, _ convert: (Value) throws -> T) throws -> PerGroup<T> {
        if case .object(let o) = v, o is PyList || o is PyTuple { return .each(try interp.iterate(v).map(convert)) }
        return .shared(try convert(v))
    }

    private static func option(_ interp: Interpreter) -> (Value) throws -> OptionValue {
        { try OptimizerBinding.option(interp, $0) }
    }

    /// `lr_lambda`: a Python callable, or a list of them, called with the epoch.
    private static func lambdas(_ interp: Interpreter, _ v: Value, groups: Int, requireCallable: Bool) throws -> PerGroup<LRLambda> {
        let given = try perGroup(interp, v) { $0 }
        let functions = try resolveLRLambdas(given, groups: groups)
        if requireCallable, let bad = functions.first(where: { !interp.isCallable($0) }) {
            throw PyError(.typeError, "lr_lambda should be a function, but got \(bad.typeName)")
        }
        // Unowned: schedulers step only while their session's interpreter runs.
        return .each(functions.map { fn in
            { [unowned interp] epoch in try factor(interp.call(fn, Arguments([.int(epoch)]))) }
        })
    }

    /// What an `lr_lambda` returned, as a number.
    private static func factor(_ v: Value) throws -> OptionValue {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .bool(b)
        case .float(let d): return .float(d)
        default:
            throw PyError(.typeError, "lr_lambda returned a \(v.typeName); Litgrad's schedulers take an int or float factor")
        }
    }

    /// The schedulers given to SequentialLR or ChainedScheduler.
    private static func members(_ interp: Interpreter, _ v: Value, _ wrapper: String) throws -> [LRScheduler] {
        try interp.iterate(v).enumerated().map { i, item in
            guard let s = item.payload(LRScheduler.self) else {
                throw PyError(.typeError, "\(wrapper) at index \(i) should have `optimizer` as its attribute.")
            }
            return s
        }
    }

    private static func firstMemberOptimizer(_ interp: Interpreter, _ a: BoundArguments) throws -> Value? {
        guard let first = try interp.iterate(a["schedulers"]).first, case .object(let o) = first, let inst = o as? PyInstance else { return nil }
        return inst.attributes[Symbol.intern("optimizer")]
    }

    private static func ints(_ interp: Interpreter, _ v: Value) throws -> [Int] {
        try interp.iterate(v).map { try interp.indexValue($0) }
    }

    static func module(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.optim.lr_scheduler")
        m["LRScheduler"] = .object(base)
        /// Registers a scheduler class; `optimizerArgument` names the parameter holding the optimizer.
        func scheduler(_ name: String, _ params: [NativeSignature.Parameter],
                       extend: (NativeClassBuilder) -> NativeClassBuilder = { $0 },
                       _ make: @escaping (Interpreter, BoundArguments) throws -> LRScheduler) {
            let signature = NativeSignature("\(name).__init__", parameters: params)
            m[name] = .object(extend(NativeClassBuilder(name, module: "torch.optim.lr_scheduler", base: base))
                .initializer { interp, this, args in
                    let a = try signature.bind(args)
                    let s = try make(interp, a)
                    this.instance?.payload = s
                    // `scheduler.optimizer`: the Python object given (ChainedScheduler's may come from its first member).
                    if let optimizer = try a.optional("optimizer") ?? firstMemberOptimizer(interp, a) {
                        this.instance?.attributes.set(Symbol.intern("optimizer"), optimizer)
                    }
                    return .none
                }
                .build())
        }
        func optimizer(_ a: BoundArguments) throws -> Optimizer { try OptimizerBinding.optimizer(a["optimizer"]) }
        let lastEpoch = NativeSignature.Parameter("last_epoch", default: .int(-1))

        let number = OptimizerBinding.value
        scheduler("StepLR", ["optimizer", "step_size", .init("gamma", default: .float(0.1)), lastEpoch],
                  extend: fields(StepLR.self, ["step_size": { .int($0.stepSize) }, "gamma": { number($0.gamma) }])) { interp, a in
            try StepLR(optimizer: optimizer(a), stepSize: a.int("step_size"), gamma: OptimizerBinding.option(interp, a["gamma"]),
                       lastEpoch: a.int("last_epoch"))
        }
        scheduler("MultiStepLR", ["optimizer", "milestones", .init("gamma", default: .float(0.1)), lastEpoch],
                  extend: fields(MultiStepLR.self, ["gamma": { number($0.gamma) }])) { interp, a in
            try MultiStepLR(optimizer: optimizer(a), milestones: TorchValues.ints(interp, a["milestones"], "milestones"),
                            gamma: OptimizerBinding.option(interp, a["gamma"]), lastEpoch: a.int("last_epoch"))
        }
        scheduler("ExponentialLR", ["optimizer", "gamma", lastEpoch], extend: fields(ExponentialLR.self, ["gamma": { number($0.gamma) }])) { interp, a in
            try ExponentialLR(optimizer: optimizer(a), gamma: OptimizerBinding.option(interp, a["gamma"]), lastEpoch: a.int("last_epoch"))
        }
        scheduler("LambdaLR", ["optimizer", "lr_lambda", lastEpoch]) { interp, a in
            let o = try optimizer(a)
            return try LambdaLR(optimizer: o, lrLambda: lambdas(interp, a["lr_lambda"], groups: o.paramGroups.count, requireCallable: false),
                                lastEpoch: a.int("last_epoch"))
        }
        scheduler("MultiplicativeLR", ["optimizer", "lr_lambda", lastEpoch]) { interp, a in
            let o = try optimizer(a)
            return try MultiplicativeLR(optimizer: o, lrLambda: lambdas(interp, a["lr_lambda"], groups: o.paramGroups.count, requireCallable: true),
                                        lastEpoch: a.int("last_epoch"))
        }
        scheduler("ConstantLR", ["optimizer", .init("factor", default: .float(1.0 / 3)), .init("total_iters", default: .int(5)), lastEpoch],
                  extend: fields(ConstantLR.self, ["factor": { number($0.factor) }, "total_iters": { .int($0.totalIters) }])) { interp, a in
            try ConstantLR(optimizer: optimizer(a), factor: OptimizerBinding.option(interp, a["factor"]), totalIters: a.int("total_iters"),
                           lastEpoch: a.int("last_epoch"))
        }
        scheduler("LinearLR", ["optimizer", .init("start_factor", default: .float(1.0 / 3)), .init("end_factor", default: .float(1)),
                               .init("total_iters", default: .int(5)), lastEpoch],
                  extend: fields(LinearLR.self, ["start_factor": { number($0.startFactor) }, "end_factor": { number($0.endFactor) },
                                                 "total_iters": { .int($0.totalIters) }])) { interp, a in
            try LinearLR(optimizer: optimizer(a), startFactor: OptimizerBinding.option(interp, a["start_factor"]),
                         endFactor: OptimizerBinding.option(interp, a["end_factor"]), totalIters: a.int("total_iters"),
                         lastEpoch: a.int("last_epoch"))
        }
        scheduler("PolynomialLR", ["optimizer", .init("total_iters", default: .int(5)), .init("power", default: .float(1)), lastEpoch],
                  extend: fields(PolynomialLR.self, ["total_iters": { .int($0.totalIters) }, "power": { number($0.power) }])) { interp, a in
            try PolynomialLR(optimizer: optimizer(a), totalIters: a.int("total_iters"), power: OptimizerBinding.option(interp, a["power"]),
                             lastEpoch: a.int("last_epoch"))
        }
        scheduler("CosineAnnealingLR", ["optimizer", "T_max", .init("eta_min", default: .float(0)), lastEpoch],
                  extend: fields(CosineAnnealingLR.self, ["T_max": { number($0.tMax) }, "eta_min": { number($0.etaMin) }])) { interp, a in
            try CosineAnnealingLR(optimizer: optimizer(a), tMax: OptimizerBinding.option(interp, a["T_max"]), etaMin: OptimizerBinding.option(interp, a["eta_min"]),
                                  lastEpoch: a.int("last_epoch"))
        }
        scheduler("CosineAnnealingWarmRestarts", ["optimizer", "T_0", .init("T_mult", default: .int(1)), .init("eta_min", default: .float(0)),
                                                  lastEpoch],
                  extend: fields(CosineAnnealingWarmRestarts.self, ["T_0": { .int($0.t0) }, "T_i": { .int($0.tI) }, "T_mult": { .int($0.tMult) },
                                                                    "T_cur": { number($0.tCur) }, "eta_min": { number($0.etaMin) }])) { interp, a in
            try CosineAnnealingWarmRestarts(optimizer: optimizer(a), t0: OptimizerBinding.option(interp, a["T_0"]),
                                            tMult: OptimizerBinding.option(interp, a["T_mult"]),
                                            etaMin: OptimizerBinding.option(interp, a["eta_min"]), lastEpoch: a.int("last_epoch"))
        }
        scheduler("OneCycleLR", ["optimizer", "max_lr", .init("total_steps", default: .none), .init("epochs", default: .none),
                                 .init("steps_per_epoch", default: .none), .init("pct_start", default: .float(0.3)),
                                 .init("anneal_strategy", default: .string("cos")), .init("cycle_momentum", default: .bool(true)),
                                 .init("base_momentum", default: .float(0.85)), .init("max_momentum", default: .float(0.95)),
                                 .init("div_factor", default: .float(25)), .init("final_div_factor", default: .float(1e4)),
                                 .init("three_phase", default: .bool(false)), lastEpoch],
                  extend: fields(OneCycleLR.self, ["total_steps": { .int($0.totalSteps) }])) { interp, a in
            let number = option(interp)
            return try OneCycleLR(optimizer: optimizer(a), maxLR: perGroup(interp, a["max_lr"], number), totalSteps: number(a["total_steps"]),
                                  epochs: number(a["epochs"]), stepsPerEpoch: number(a["steps_per_epoch"]), pctStart: number(a["pct_start"]),
                                  annealStrategy: a.string("anneal_strategy"), cycleMomentum: interp.isTruthy(a["cycle_momentum"]),
                                  baseMomentum: perGroup(interp, a["base_momentum"], number),
                                  maxMomentum: perGroup(interp, a["max_momentum"], number), divFactor: number(a["div_factor"]),
                                  finalDivFactor: number(a["final_div_factor"]), threePhase: interp.isTruthy(a["three_phase"]),
                                  lastEpoch: a.int("last_epoch"))
        }
        scheduler("ReduceLROnPlateau", ["optimizer", .init("mode", default: .string("min")), .init("factor", default: .float(0.1)),
                                        .init("patience", default: .int(10)), .init("threshold", default: .float(1e-4)),
                                        .init("threshold_mode", default: .string("rel")), .init("cooldown", default: .int(0)),
                                        .init("min_lr", default: .int(0)), .init("eps", default: .float(1e-8))],
                  extend: plateauProperties) { interp, a in
            try ReduceLROnPlateau(optimizer: optimizer(a), mode: a.string("mode"), factor: OptimizerBinding.option(interp, a["factor"]),
                                  patience: a.int("patience"), threshold: a.double("threshold"), thresholdMode: a.string("threshold_mode"),
                                  cooldown: a.int("cooldown"), minLR: perGroup(interp, a["min_lr"], option(interp)), eps: a.double("eps"))
        }
        scheduler("SequentialLR", ["optimizer", "schedulers", "milestones", lastEpoch]) { interp, a in
            try SequentialLR(optimizer: optimizer(a), schedulers: members(interp, a["schedulers"], "SequentialLR"),
                             milestones: ints(interp, a["milestones"]), lastEpoch: a.int("last_epoch"),
                             warn: { report(interp, $0) })
        }
        scheduler("ChainedScheduler", ["schedulers", .init("optimizer", default: .none)]) { interp, a in
            try ChainedScheduler(schedulers: members(interp, a["schedulers"], "ChainedScheduler"),
                                 optimizer: a.optional("optimizer").map(OptimizerBinding.optimizer))
        }
        return m
    }

    /// Read-only attributes of one scheduler class, as tutorials print them (`scheduler.T_max`).
    private static func fields<S: LRScheduler>(_: S.Type, _ fields: KeyValuePairs<String, (S) -> Value>) -> (NativeClassBuilder) -> NativeClassBuilder {
        { builder in
            fields.reduce(builder) { b, field in
                b.property(field.key) { _, this in field.value(try this.requirePayload(S.self, "\(S.self)")) }
            }
        }
    }

    /// ReduceLROnPlateau's state, which tutorials print to follow it.
    private static func plateauProperties(_ b: NativeClassBuilder) -> NativeClassBuilder {
        func plateau(_ v: Value) throws -> ReduceLROnPlateau { try v.requirePayload(ReduceLROnPlateau.self, "ReduceLROnPlateau") }
        return b
            .property("best") { _, this in .float(try plateau(this).best) }
            .property("num_bad_epochs") { _, this in .int(try plateau(this).numBadEpochs) }
            .property("cooldown_counter") { _, this in .int(try plateau(this).cooldownCounter) }
            .property("in_cooldown") { _, this in .bool(try plateau(this).inCooldown) }
            .property("patience") { _, this in .int(try plateau(this).patience) }
            .property("cooldown") { _, this in .int(try plateau(this).cooldown) }
            .property("factor") { _, this in OptimizerBinding.value(try plateau(this).factor) }
            .property("min_lrs") { _, this in .list(try plateau(this).minLRs.map(OptimizerBinding.value)) }
            .property("mode") { _, this in .string(try plateau(this).mode.rawValue) }
            .property("threshold") { _, this in .float(try plateau(this).threshold) }
            .property("threshold_mode") { _, this in .string(try plateau(this).thresholdMode.rawValue) }
            .property("eps") { _, this in .float(try plateau(this).eps) }
    }
}
