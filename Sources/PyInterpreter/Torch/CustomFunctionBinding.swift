import Autograd

/// `torch.autograd.Function`: user subclasses define `forward(ctx, ...)` and
/// `backward(ctx, grad_output)` as static methods (or `forward(...)` plus
/// `setup_context(ctx, inputs, output)`), and `Fn.apply(...)` records one
/// node named `FnBackward` whose backward rule calls the Python `backward`.
enum CustomFunctionBinding {
    /// What `ctx` carries between forward and backward.
    final class Context {
        var saved: [Tensor?] = []
        var needsInputGrad: [Bool] = []
    }

    static let contextType: PyType = NativeClassBuilder("FunctionCtx", module: "torch.autograd.function", instantiable: false)
        .method("save_for_backward") { _, this, args in
            let ctx = try this.requirePayload(Context.self, "FunctionCtx")
            ctx.saved = try args.positional.map { v in
                if v.isNone { return nil }
                guard let t = TorchValues.tensor(v) else {
                    throw PyError(.typeError, "save_for_backward can only save variables, but argument \(ctx.saved.count) is of type \(v.typeName)")
                }
                return t
            }
            return .none
        }
        .property("saved_tensors") { _, this in
            .tuple(try this.requirePayload(Context.self, "FunctionCtx").saved.map { TorchValues.box($0) })
        }
        .property("needs_input_grad") { _, this in
            .tuple(try this.requirePayload(Context.self, "FunctionCtx").needsInputGrad.map { .bool($0) })
        }
        .build()

    static let functionType: PyType = {
        let b = NativeClassBuilder("Function", module: "torch.autograd.function")
        b.classMethod("apply") { interp, cls, args in try apply(interp, cls, args) }
        b.staticMethod("forward") { _, _ in
            throw PyError(.notImplementedError, "You must implement the forward function for custom autograd.Function.")
        }
        b.staticMethod("backward") { _, _ in
            throw PyError(.notImplementedError, "You must implement either the backward or vjp method for your custom autograd.Function to use it with backward mode AD.")
        }
        b.staticMethod("setup_context") { _, _ in
            throw PyError(.notImplementedError, "setup_context is not implemented.")
        }
        return b.build()
    }()

    static func register(_ m: PyModule) {
        m["Function"] = .object(functionType)
    }

    /// `torch.autograd.function`: `Function` and the `once_differentiable`
    /// decorator, which runs a backward with gradients off (its results are
    /// constants to any further differentiation).
    static func functionModule(name: String) -> PyModule {
        let m = PyModule(name: name)
        m["Function"] = .object(functionType)
        m.addFunction("once_differentiable") { _, args in
            let backward = try args.exactly(1, "once_differentiable")[0]
            return .object(PyNativeFunction(name: "wrapper") { interp, callArgs in
                try GradMode.with(enabled: false) { try interp.call(backward, callArgs) }
            })
        }
        return m
    }

    static func apply(_ interp: Interpreter, _ clsValue: Value, _ args: Arguments) throws -> Value {
        guard case .object(let o) = clsValue, let cls = o as? PyType else {
            throw PyError(.typeError, "apply() must be called on a Function class")
        }
        let inputs = args.positional.map { TorchValues.tensor($0) }
        let ctx = Context()
        ctx.needsInputGrad = inputs.map { $0?.requiresGrad ?? false }
        let ctxValue = Value.object(PyInstance(cls: contextType, payload: ctx))
        let forward = try interp.getAttribute(clsValue, Symbol.intern("forward"))
        let usesSetupContext = cls.lookup(Symbol.intern("setup_context")).map {
            !$0.isIdentical(to: functionType.lookup(Symbol.intern("setup_context")) ?? .none)
        } ?? false
        // PyTorch runs forward without recording; the node below stands for all of it.
        let output = try GradMode.with(enabled: false) { () throws -> Value in
            if usesSetupContext {
                let out = try interp.call(forward, args)
                let setup = try interp.getAttribute(clsValue, Symbol.intern("setup_context"))
                _ = try interp.call(setup, Arguments([ctxValue, .tuple(args.positional), out]))
                return out
            }
            return try interp.call(forward, args.prepending(ctxValue))
        }
        let tensorInputs = inputs.compactMap { $0 }
        guard GradMode.isEnabled, tensorInputs.contains(where: { $0.requiresGrad }) else { return output }
        guard var result = TorchValues.tensor(output) else {
            if case .object(let t) = output, t is PyTuple {
                throw PyError(.notImplementedError, "Litgrad supports custom autograd Functions with one output tensor; \(cls.name).forward returned a tuple")
            }
            return output
        }
        // The output gets this node as grad_fn; an input returned as is must keep its own history.
        if tensorInputs.contains(where: { $0 === result }) { result = result.detach() }
        // A saved output would hold its own node through ctx (a cycle): keep its data only.
        let output0 = result
        ctx.saved = ctx.saved.map { $0 === output0 ? output0.detach() : $0 }
        let name = "\(cls.name)Backward"
        let positions = inputs.indices.filter { inputs[$0] != nil }
        let backwardFn = try interp.getAttribute(clsValue, Symbol.intern("backward"))
        try result.recordingCustomFunction(name, inputs: tensorInputs, saving: ctx.saved.compactMap { $0 }) { [weak interp] grad in
            guard let interp else { throw PyError(.runtimeError, "the session of this graph has ended") }
            let returned = try interp.call(backwardFn, Arguments([ctxValue, TorchValues.box(grad)]))
            var grads: [Value]
            if case .object(let t) = returned, let tuple = t as? PyTuple { grads = tuple.items } else { grads = [returned] }
            while grads.count > inputs.count, grads.last?.isNone == true { grads.removeLast() }
            guard grads.count == inputs.count else {
                throw PyError(.runtimeError, "function \(name) returned an incorrect number of gradients (expected \(inputs.count), got \(grads.count))")
            }
            return try positions.map { p in
                if grads[p].isNone { return nil }
                guard let g = TorchValues.tensor(grads[p]) else {
                    throw PyError(.typeError, "expected Tensor or None as gradient \(p) of \(name), got \(grads[p].typeName)")
                }
                return g
            }
        }
        return TorchValues.box(result)
    }
}
