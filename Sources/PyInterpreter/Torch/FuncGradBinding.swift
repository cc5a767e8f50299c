import Autograd

/// `torch.func.grad(f, argnums=0, has_aux=False)`: a function returning the
/// gradient of f's scalar output with respect to argument `argnums` (or a
/// tuple of gradients for a tuple of argnums), paired with f's auxiliary
/// output when `has_aux` (its tensors detached, as functorch unwraps them).
enum FuncGradBinding {
    static func make(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("grad", "func", .init("argnums", default: .int(0)), .init("has_aux", default: .bool(false))).bind(args)
        let f = a["func"]
        let hasAux = try a.bool("has_aux")
        let (argnums, tupleForm) = try argumentNumbers(a["argnums"])
        return .object(PyNativeFunction(name: "grad_fn") { interp, callArgs in
            var values = callArgs.positional
            var inputs: [Tensor] = []
            var anyRequiresGrad = false
            for n in argnums {
                let i = n < 0 ? n + values.count : n
                guard i >= 0 && i < values.count else {
                    throw PyError(.runtimeError, "Got argnum=\(n), but only \(values.count) positional inputs")
                }
                guard let x0 = TorchValues.tensor(values[i]) else {
                    throw PyError(.runtimeError, "Thing passed to transform API must be Tensor, got <class '\(values[i].typeName)'>")
                }
                anyRequiresGrad = anyRequiresGrad || x0.requiresGrad
                // Inside an outer grad (or for an input that requires grad) an alias keeps
                // the input connected, so the outer level differentiates this gradient.
                let x: Tensor
                if x0.requiresGrad {
                    x = try x0.alias()
                } else {
                    x = x0.detach()
                    try x.setRequiresGrad(true)
                }
                values[i] = TorchValues.box(x)
                inputs.append(x)
            }
            let result = try interp.call(f, Arguments(values, keywords: callArgs.keywords))
            var output = result
            var aux: Value = .none
            if hasAux {
                guard case .object(let o) = result, let pair = o as? PyTuple, pair.items.count == 2 else {
                    throw PyError(.runtimeError, "grad_and_value(f)(*args): output of function f should be a tuple: (output, aux) if has_aux is True")
                }
                output = pair.items[0]
                aux = try detached(pair.items[1])
            }
            guard let out = TorchValues.tensor(output) else {
                throw PyError(.runtimeError, "grad_and_value(f)(*args): Expected f(*args) to return a Tensor, got <class '\(output.typeName)'>")
            }
            guard out.dim == 0 else {
                throw PyError(.runtimeError, "grad_and_value(f)(*args): Expected f(*args) to return a scalar Tensor, got tensor with \(out.dim) dims. Maybe you wanted to use the vjp or jacrev APIs instead?")
            }
            let grads = try Backward.grad(outputs: [out], inputs: inputs, createGraph: GradMode.isEnabled && anyRequiresGrad, allowUnused: true)
            let boxed = try zip(grads, inputs).map { g, x in TorchValues.box(try g ?? Tensor.zerosLike(x)) }
            let gradient: Value = tupleForm ? .tuple(boxed) : boxed[0]
            return hasAux ? .tuple([gradient, aux]) : gradient
        })
    }

    /// `argnums`: an int, or a tuple of distinct ints (then the gradients come as a tuple).
    private static func argumentNumbers(_ v: Value) throws -> ([Int], Bool) {
        if case .int(let n) = v { return ([n], false) }
        guard case .object(let o) = v, let t = o as? PyTuple, !t.items.isEmpty else {
            throw PyError(.runtimeError, "argnums must be int or Tuple[int, ...], got: <class '\(v.typeName)'>")
        }
        let ns = try t.items.map { item -> Int in
            guard case .int(let n) = item else {
                throw PyError(.runtimeError, "argnum must be int, got: <class '\(item.typeName)'>")
            }
            return n
        }
        guard Set(ns).count == ns.count else {
            throw PyError(.runtimeError, "argnums elements must be unique, got (\(ns.map(String.init).joined(separator: ", ")))")
        }
        return (ns, true)
    }

    /// The auxiliary output with its tensors detached (tuples, lists and dicts walked).
    private static func detached(_ v: Value) throws -> Value {
        if let t = TorchValues.tensor(v) { return TorchValues.box(t.detach()) }
        guard case .object(let o) = v else {
            throw PyError(.runtimeError, "Expected tensors, got unsupported type <class '\(v.typeName)'>")
        }
        if let t = o as? PyTuple { return .tuple(try t.items.map(detached)) }
        if let l = o as? PyList { return .list(try l.items.map(detached)) }
        if let d = o as? PyDict {
            let copy = PyDict()
            for slot in 0..<d.slotCount {
                if let e = d.entry(at: slot) { copy.set(e.key, hash: e.hash, try detached(e.value)) }
            }
            return .object(copy)
        }
        throw PyError(.runtimeError, "Expected tensors, got unsupported type <class '\(v.typeName)'>")
    }
}
