import Autograd

/// `torch.autograd` (grad, backward, forward_ad) and `torch.func` (jvp, grad, vjp).
enum AutogradBinding {
    static func tensors(_ interp: Interpreter, _ v: Value, _ what: String) throws -> [Tensor] {
        if let t = TorchValues.tensor(v) { return [t] }
        return try interp.iterate(v).map { try TorchValues.requireTensor($0, what) }
    }

    static func optionalTensors(_ interp: Interpreter, _ v: Value?) throws -> [Tensor?]? {
        guard let v, !v.isNone else { return nil }
        if let t = TorchValues.tensor(v) { return [t] }
        return try interp.iterate(v).map { $0.isNone ? nil : try TorchValues.requireTensor($0, "grad_outputs") }
    }

    static func make(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.autograd")
        m.addFunction("grad") { interp, args in
            let a = try NativeSignature("grad", "outputs", "inputs", .init("grad_outputs", default: .none), .init("retain_graph", default: .none),
                                        .init("create_graph", default: .bool(false)), .init("only_inputs", default: .bool(true)),
                                        .init("allow_unused", default: .none), .init("is_grads_batched", default: .bool(false)),
                                        .init("materialize_grads", default: .bool(false))).bind(args)
            let outputs = try tensors(interp, a["outputs"], "outputs"), inputs = try tensors(interp, a["inputs"], "inputs")
            let materialize = try a.bool("materialize_grads")
            let allowUnused = try a.optional("allow_unused").map { try interp.isTruthy($0) }
            if materialize && allowUnused == false {
                throw PyError.valueError("Expected allow_unused to be True or not passed when materialize_grads=True, but got: allow_unused=False.")
            }
            let grads = try Backward.grad(outputs: outputs, inputs: inputs,
                                          gradOutputs: optionalTensors(interp, a.optional("grad_outputs")),
                                          retainGraph: a.optional("retain_graph").map { try interp.isTruthy($0) },
                                          createGraph: a.bool("create_graph"), allowUnused: true)
            // Backward.grad's own check, here because materialize_grads allows unused inputs too.
            if let unused = grads.firstIndex(where: { $0 == nil }), !materialize, allowUnused != true {
                throw TorchError.runtime("The differentiated Tensor at index \(unused) appears to not have been used in the graph. Set allow_unused=True if this is the desired behavior.")
            }
            let filled = try zip(grads, inputs).map { g, x in materialize ? try g ?? Tensor.zerosLike(x) : g }
            return .tuple(filled.map(TorchValues.box))
        }
        m.addFunction("backward") { interp, args in
            let a = try NativeSignature("backward", "tensors", .init("grad_tensors", default: .none), .init("retain_graph", default: .none),
                                        .init("create_graph", default: .bool(false))).bind(args)
            let ts = try tensors(interp, a["tensors"], "tensors")
            let gs = try optionalTensors(interp, a.optional("grad_tensors")) ?? ts.map { _ in nil }
            let create = try a.bool("create_graph")
            let retain = try a.optional("retain_graph").map { try interp.isTruthy($0) } ?? create
            for (t, g) in zip(ts, gs) { try t.backward(g, retainGraph: retain, createGraph: create) }
            return .none
        }
        CustomFunctionBinding.register(m)
        m.addFunction("gradcheck") { interp, args in try AutogradFunctionalBinding.gradcheck(interp, args) }
        // `Variable(t, requires_grad=…)`: the old wrapper, now just the tensor.
        m.addFunction("Variable") { interp, args in
            let a = try NativeSignature("Variable", "data", .init("requires_grad", default: .bool(false)), .init("volatile", default: .bool(false))).bind(args)
            let t = try a.tensor("data")
            if try interp.isTruthy(a["requires_grad"]) { try t.setRequiresGrad(true) }
            return TorchValues.box(t)
        }
        return m
    }

    final class DualLevel {}

    static let dualLevelType: PyType = NativeClassBuilder("dual_level", module: "torch.autograd.forward_ad")
        .initializer { _, this, _ in this.instance?.payload = DualLevel(); return .none }
        .method("__enter__") { _, _, _ in .int(try ForwardAD.enterDualLevel()) }
        .method("__exit__") { _, _, _ in ForwardAD.exitDualLevel(); return .bool(false) }
        .build()

    static func forwardAD(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.autograd.forward_ad")
        m["dual_level"] = .object(dualLevelType)
        m.addFunction("make_dual") { _, args in
            let a = try NativeSignature("make_dual", "tensor", "tangent", .keywordOnly("level", default: .none)).bind(args)
            return TorchValues.box(try ForwardAD.makeDual(a.tensor("tensor"), tangent: a.tensor("tangent")))
        }
        m.addFunction("unpack_dual") { _, args in
            let a = try NativeSignature("unpack_dual", "tensor", .keywordOnly("level", default: .none)).bind(args)
            let (primal, tangent) = ForwardAD.unpackDual(try a.tensor("tensor"))
            return UnpackedDualTensor.make(primal: primal, tangent: tangent)
        }
        m.addFunction("enter_dual_level") { _, _ in .int(try ForwardAD.enterDualLevel()) }
        m.addFunction("exit_dual_level") { _, _ in ForwardAD.exitDualLevel(); return .none }
        return m
    }

    static func funcModule(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.func")
        m.addFunction("jvp") { interp, args in
            let a = try NativeSignature("jvp", "func", "primals", "tangents", .keywordOnly("strict", default: .bool(false)),
                                        .keywordOnly("has_aux", default: .bool(false))).bind(args)
            let primals = try tensors(interp, a["primals"], "primals"), tangents = try tensors(interp, a["tangents"], "tangents")
            let f = a["func"]
            let hasAux = try a.bool("has_aux")
            var aux: Value = .none
            var tupleOutput = false
            // f returns a tensor or a tuple of tensors (with has_aux: (that, aux)).
            let (outs, jvps) = try ForwardAD.jvp({ xs -> [Tensor] in
                var result = try interp.call(f, Arguments(xs.map(TorchValues.box)))
                if hasAux {
                    guard case .object(let o) = result, let pair = o as? PyTuple, pair.items.count == 2 else {
                        throw PyError(.runtimeError, "jvp(f, primals, tangents): output of function f should be a tuple: (output, aux) if has_aux is True")
                    }
                    result = pair.items[0]
                    aux = pair.items[1]
                }
                if case .object(let o) = result, let t = o as? PyTuple {
                    tupleOutput = true
                    return try t.items.map { try TorchValues.requireTensor($0, "jvp", "output") }
                }
                return [try TorchValues.requireTensor(result, "jvp", "output")]
            }, primals: primals, tangents: tangents)
            let out: Value = tupleOutput ? .tuple(outs.map(TorchValues.box)) : TorchValues.box(outs[0])
            let jvp: Value = tupleOutput ? .tuple(jvps.map(TorchValues.box)) : TorchValues.box(jvps[0])
            return .tuple(hasAux ? [out, jvp, aux] : [out, jvp])
        }
        m.addFunction("vjp") { interp, args in
            let a = try NativeSignature("vjp", "func", .varPositional("primals")).bind(args)
            let f = a["func"]
            let primals = try a.extraPositional.map { try TorchValues.requireTensor($0, "vjp", "primals") }
            let inputs = try primals.map { p -> Tensor in
                let x = p.detach()
                try x.setRequiresGrad(true)
                return x
            }
            let out = try TorchValues.requireTensor(try interp.call(f, Arguments(inputs.map(TorchValues.box))), "vjp", "output")
            let vjpFn = PyNativeFunction(name: "vjp_fn") { interp, vargs in
                let v = try TorchValues.requireTensor(vargs.positional.first ?? .none, "vjp_fn", "cotangents")
                let grads = try Backward.grad(outputs: [out], inputs: inputs, gradOutputs: [v], retainGraph: true, allowUnused: true)
                return .tuple(try zip(grads, inputs).map { g, x in TorchValues.box(try g ?? Tensor.zerosLike(x)) })
            }
            return .tuple([TorchValues.box(out.detach()), .object(vjpFn)])
        }
        m.addFunction("jacrev", AutogradFunctionalBinding.transform("jacrev"))
        m.addFunction("jacfwd", AutogradFunctionalBinding.transform("jacfwd"))
        m.addFunction("hessian", AutogradFunctionalBinding.transform("hessian", hessian: true))
        m.addFunction("grad") { interp, args in try FuncGradBinding.make(interp, args) }
        m.addFunction("vmap") { interp, args in try FuncVmapBinding.make(interp, args) }
        return m
    }
}
