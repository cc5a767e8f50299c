import Autograd

/// `torch.autograd.functional` (jacobian, hessian, vjp, jvp, hvp, vhp),
/// `torch.autograd.gradcheck` and `torch.func.jacrev`/`jacfwd`/`hessian`:
/// whole derivatives of a Python function, built from one backward (or one
/// forward-mode) pass per row, as PyTorch's non-vectorised versions do.
enum AutogradFunctionalBinding {
    /// A Python function of tensors, called on tensors; its result as a list
    /// of tensors and whether it was a tuple (which shapes the answer).
    struct TensorFunction {
        let interp: Interpreter
        let function: Value
        let name: String
        /// Non-tensor arguments (gradcheck passes them through), by position among all arguments.
        var constants: [(position: Int, value: Value)] = []

        func callAsFunction(_ inputs: [Tensor]) throws -> (outputs: [Tensor], isTuple: Bool) {
            var arguments = inputs.map(TorchValues.box)
            for (position, value) in constants { arguments.insert(value, at: position) }
            let result = try interp.call(function, Arguments(arguments))
            if let t = TorchValues.tensor(result) { return ([t], false) }
            guard case .object(let o) = result, o is PyTuple || o is PyList else {
                throw PyError(.typeError, "The outputs of the user-provided function given to \(name) must be either a Tensor or a tuple of Tensors but the given outputs of the user-provided function has type \(result.typeName).")
            }
            let items = try interp.iterate(result)
            return (try items.map { try TorchValues.requireTensor($0, name, "outputs") }, true)
        }
    }

    /// Inputs as PyTorch's functional API takes them: a tensor or a tuple of tensors.
    static func inputs(_ interp: Interpreter, _ v: Value, _ name: String) throws -> (tensors: [Tensor], isTuple: Bool) {
        if let t = TorchValues.tensor(v) { return ([t], false) }
        return (try interp.iterate(v).map { try TorchValues.requireTensor($0, name, "inputs") }, true)
    }

    /// Fresh leaves with the inputs' values that require grad (what `_grad_preprocess` makes).
    static func differentiable(_ xs: [Tensor], createGraph: Bool) throws -> [Tensor] {
        try xs.map { x in
            // With create_graph the inputs stay connected to their history, as a view of it.
            if createGraph && x.requiresGrad { return try x.viewAs(x) }
            let leaf = x.detach()
            try leaf.setRequiresGrad(true)
            return leaf
        }
    }

    /// ∂outputs[i] / ∂inputs[j] for every i, j, each of shape out.shape + in.shape.
    static func jacobianBlocks(_ f: TensorFunction, _ xs: [Tensor], createGraph: Bool) throws -> (blocks: [[Tensor]], outputsAreTuple: Bool) {
        let leaves = try differentiable(xs, createGraph: createGraph)
        let (outputs, outputsAreTuple) = try GradMode.with(enabled: true) { try f(leaves) }
        var blocks: [[Tensor]] = []
        for y in outputs {
            var rows: [[Tensor]] = leaves.map { _ in [] }
            let flat = try y.reshape([-1])
            for i in 0..<flat.count {
                let gs = y.requiresGrad ? try gradientOfElement(i, of: flat, inputs: leaves, createGraph: createGraph)
                                        : leaves.map { _ in nil }
                for (j, x) in leaves.enumerated() { rows[j].append(try gs[j] ?? Tensor.zerosLike(x)) }
            }
            blocks.append(try zip(rows, leaves).map { row, x in
                let stacked = row.isEmpty ? try Tensor.zeros([0] + x.shape, dtype: x.dtype) : try Tensor.stack(row, dim: 0)
                let block = try stacked.reshape(y.shape + x.shape)
                return createGraph ? block : block.detach()
            })
        }
        return (blocks, outputsAreTuple)
    }

    /// ∂flat[i]/∂inputs: one backward pass seeded with the i-th basis vector (nil where unused).
    static func gradientOfElement(_ i: Int, of flat: Tensor, inputs: [Tensor], createGraph: Bool) throws -> [Tensor?] {
        let onehot = try Tensor.zeros([flat.count], dtype: flat.dtype)
        onehot.storage.setDouble(i, 1)
        return try GradMode.with(enabled: createGraph) {
            try Backward.grad(outputs: [flat], inputs: inputs, gradOutputs: [onehot], retainGraph: true,
                              createGraph: createGraph, allowUnused: true)
        }
    }

    /// Packs blocks as PyTorch returns them: a tensor, a tuple, or a tuple of tuples.
    static func packed(_ blocks: [[Tensor]], outputsAreTuple: Bool, inputsAreTuple: Bool) -> Value {
        let perOutput = blocks.map { row in inputsAreTuple ? .tuple(row.map(TorchValues.box)) : TorchValues.box(row[0]) }
        return outputsAreTuple ? .tuple(perOutput) : perOutput[0]
    }

    static func jacobian(_ interp: Interpreter, _ function: Value, _ input: Value, createGraph: Bool, name: String) throws -> Value {
        let (xs, inputsAreTuple) = try inputs(interp, input, name)
        let (blocks, outputsAreTuple) = try jacobianBlocks(TensorFunction(interp: interp, function: function, name: name), xs, createGraph: createGraph)
        return packed(blocks, outputsAreTuple: outputsAreTuple, inputsAreTuple: inputsAreTuple)
    }

    /// The Hessian: the Jacobian of the gradient, which is itself computed with create_graph.
    static func hessian(_ interp: Interpreter, _ function: Value, _ input: Value, createGraph: Bool, name: String) throws -> Value {
        let (xs, inputsAreTuple) = try inputs(interp, input, name)
        let f = TensorFunction(interp: interp, function: function, name: name)
        let gradient = PyNativeFunction(name: "jac_func") { interp, args in
            let inner = try args.positional.map { try TorchValues.requireTensor($0, name, "inputs") }
            let (outputs, _) = try f(inner)
            guard outputs.count == 1, outputs[0].count == 1 else {
                throw PyError(.runtimeError, "The function given to hessian should return a single Tensor with a single element.")
            }
            let (blocks, _) = try jacobianBlocks(TensorFunction(interp: interp, function: .object(PyNativeFunction(name: "single") { _, a in
                let ys = try f(try a.positional.map { try TorchValues.requireTensor($0, name, "inputs") }).outputs
                return TorchValues.box(try ys[0].reshape([]))
            }), name: name), inner, createGraph: true)
            return .tuple(blocks[0].map(TorchValues.box))
        }
        let (blocks, _) = try jacobianBlocks(TensorFunction(interp: interp, function: .object(gradient), name: name), xs, createGraph: createGraph)
        return packed(blocks, outputsAreTuple: inputsAreTuple, inputsAreTuple: inputsAreTuple)
    }

    /// Products with a vector: `vjp` (vᵀJ), `jvp` (Jv), `hvp` (Hv) and `vhp` (vᵀH);
    /// each returns (func(inputs) detached, product).
    static func product(_ interp: Interpreter, _ args: Arguments, name: String) throws -> Value {
        let a = try NativeSignature(name, "func", "inputs", .init("v", default: .none), .init("create_graph", default: .bool(false)),
                                    .init("strict", default: .bool(false))).bind(args)
        let (xs, inputsAreTuple) = try inputs(interp, a["inputs"], name)
        let createGraph = try a.bool("create_graph")
        let f = TensorFunction(interp: interp, function: a["func"], name: name)
        let leaves = try differentiable(xs, createGraph: createGraph)
        let (outputs, outputsAreTuple) = try GradMode.with(enabled: true) { try f(leaves) }
        let v = try a.optional("v").map { try inputs(interp, $0, name).tensors }
        func ones(_ ts: [Tensor]) throws -> [Tensor] {
            for t in ts where t.count != 1 {
                throw PyError(.runtimeError, "The vector v can only be None if the user-provided function returns a single Tensor with a single element.")
            }
            return try ts.map { try Tensor.onesLike($0) }
        }
        func grads(_ ys: [Tensor], _ xs: [Tensor], _ vs: [Tensor], create: Bool) throws -> [Tensor] {
            let gs = try GradMode.with(enabled: create) {
                try Backward.grad(outputs: ys, inputs: xs, gradOutputs: vs, retainGraph: true, createGraph: create, allowUnused: true)
            }
            return try zip(gs, xs).map { g, x in try g ?? Tensor.zerosLike(x) }
        }
        let result: [Tensor]
        let resultIsTuple: Bool
        switch name {
        case "vjp":
            result = try grads(outputs, leaves, v ?? ones(outputs), create: createGraph)
            resultIsTuple = inputsAreTuple
        case "jvp":
            // The double-backward trick PyTorch uses: Jv = ∂(uᵀJ)v/∂u.
            let us = try outputs.map { y -> Tensor in
                let u = try Tensor.zerosLike(y)
                try u.setRequiresGrad(true)
                return u
            }
            let gu = try grads(outputs, leaves, us, create: true)
            result = try grads(gu, us, v ?? ones(leaves), create: createGraph)
            resultIsTuple = outputsAreTuple
        default:
            guard outputs.count == 1, outputs[0].count == 1 else {
                throw PyError(.runtimeError, "The function given to \(name) should return a single Tensor with a single element.")
            }
            let g = try grads(outputs, leaves, [Tensor.onesLike(outputs[0])], create: true)
            result = try grads(g, leaves, v ?? ones(leaves), create: createGraph)
            resultIsTuple = inputsAreTuple
        }
        let outputValue: Value = outputsAreTuple ? .tuple(outputs.map { TorchValues.box($0.detach()) }) : TorchValues.box(outputs[0].detach())
        let products = result.map { createGraph ? $0 : $0.detach() }
        return .tuple([outputValue, resultIsTuple ? .tuple(products.map(TorchValues.box)) : TorchValues.box(products[0])])
    }

    static func functionalModule(_ interp: Interpreter) throws -> PyModule {
        let m = PyModule(name: "torch.autograd.functional")
        m.addFunction("jacobian") { interp, args in
            let a = try NativeSignature("jacobian", "func", "inputs", .init("create_graph", default: .bool(false)), .init("strict", default: .bool(false)),
                                        .init("vectorize", default: .bool(false)), .init("strategy", default: .string("reverse-mode"))).bind(args)
            return try jacobian(interp, a["func"], a["inputs"], createGraph: a.bool("create_graph"), name: "jacobian")
        }
        m.addFunction("hessian") { interp, args in
            let a = try NativeSignature("hessian", "func", "inputs", .init("create_graph", default: .bool(false)), .init("strict", default: .bool(false)),
                                        .init("vectorize", default: .bool(false)), .init("outer_jacobian_strategy", default: .string("reverse-mode"))).bind(args)
            return try hessian(interp, a["func"], a["inputs"], createGraph: a.bool("create_graph"), name: "hessian")
        }
        for name in ["vjp", "jvp", "hvp", "vhp"] {
            m.addFunction(name) { interp, args in try product(interp, args, name: name) }
        }
        return m
    }

    /// `torch.func.jacrev(f)` / `jacfwd(f)` / `hessian(f)`: functions returning the
    /// derivative of f with respect to argument `argnums` (same values either way).
    static func transform(_ name: String, hessian isHessian: Bool = false) -> (Interpreter, Arguments) throws -> Value {
        { _, args in
            let a = try NativeSignature(name, "func", .init("argnums", default: .int(0)), .init("has_aux", default: .bool(false)),
                                        .init("chunk_size", default: .none), .init("randomness", default: .string("error"))).bind(args)
            let f = a["func"]
            // An int, or a tuple of ints: then the inputs are that tuple of arguments,
            // and the result a tuple over them (per output, for tuple outputs).
            var argnums: [Int] = []
            var tupleArgnums = false
            if case .object(let o) = a["argnums"], let t = o as? PyTuple {
                tupleArgnums = true
                argnums = try t.items.map { item in
                    guard case .int(let n) = item else { throw PyError(.runtimeError, "argnum must be int, got: <class '\(item.typeName)'>") }
                    return n
                }
            } else {
                argnums = [try a.int("argnums")]
            }
            return .object(PyNativeFunction(name: "\(name)_wrapper") { interp, callArgs in
                let others = callArgs.positional
                for argnum in argnums where !(argnum < others.count && TorchValues.tensor(others[argnum]) != nil) {
                    throw PyError(.typeError, "\(name)(f)(*args): argument \(argnum) must be a Tensor")
                }
                let partial = PyNativeFunction(name: "partial") { interp, inner in
                    var values = others
                    for (argnum, v) in zip(argnums, inner.positional) { values[argnum] = v }
                    return try interp.call(f, Arguments(values, keywords: callArgs.keywords))
                }
                let input: Value = tupleArgnums ? .tuple(argnums.map { others[$0] }) : others[argnums[0]]
                let create = GradMode.isEnabled && argnums.contains { TorchValues.tensor(others[$0])?.requiresGrad ?? false }
                if isHessian { return try hessian(interp, .object(partial), input, createGraph: create, name: name) }
                if name == "jacfwd" && !create {
                    let (xs, inputsAreTuple) = try inputs(interp, input, name)
                    let (blocks, outputsAreTuple) = try forwardJacobianBlocks(TensorFunction(interp: interp, function: .object(partial), name: name), xs)
                    return packed(blocks, outputsAreTuple: outputsAreTuple, inputsAreTuple: inputsAreTuple)
                }
                return try jacobian(interp, .object(partial), input, createGraph: create, name: name)
            })
        }
    }

    // MARK: gradcheck

    static let gradcheckError: PyType = PyType(name: "GradcheckError", module: "torch.autograd.gradcheck", bases: [.runtimeError],
                                               immutable: true, factory: .instance)

    /// `gradcheck(func, inputs, eps, atol, rtol, raise_exception)`: the analytical
    /// Jacobian (backward) against central differences, element by element.
    static func gradcheck(_ interp: Interpreter, _ args: Arguments) throws -> Value {
        let a = try NativeSignature("gradcheck", "func", "inputs", .keywordOnly("eps", default: .float(1e-6)),
                                    .keywordOnly("atol", default: .float(1e-5)), .keywordOnly("rtol", default: .float(1e-3)),
                                    .keywordOnly("raise_exception", default: .bool(true)), .keywordOnly("nondet_tol", default: .float(0)),
                                    .keywordOnly("check_undefined_grad", default: .bool(true)), .keywordOnly("check_grad_dtypes", default: .bool(false)),
                                    .keywordOnly("check_batched_grad", default: .bool(false)), .keywordOnly("check_batched_forward_grad", default: .bool(false)),
                                    .keywordOnly("check_forward_ad", default: .bool(false)), .keywordOnly("check_backward_ad", default: .bool(true)),
                                    .keywordOnly("fast_mode", default: .bool(false)), .keywordOnly("masked", default: .none)).bind(args)
        // gradcheck, unlike the functional API, passes non-tensor inputs through unchanged.
        var xs: [Tensor] = []
        var f = TensorFunction(interp: interp, function: a["func"], name: "gradcheck")
        if let t = TorchValues.tensor(a["inputs"]) {
            xs = [t]
        } else {
            for (position, v) in try interp.iterate(a["inputs"]).enumerated() {
                if let t = TorchValues.tensor(v) { xs.append(t) } else { f.constants.append((position, v)) }
            }
        }
        let eps = try a.double("eps"), atol = try a.double("atol"), rtol = try a.double("rtol")
        let checked = xs.enumerated().filter { $0.element.requiresGrad }
        guard !checked.isEmpty else {
            throw PyError(.valueError, "gradcheck expects at least one input tensor to require gradient, but none of the them have requires_grad=True.")
        }
        for (i, x) in checked where x.dtype != .float64 {
            interp.warn("Input #\(i) requires gradient and is not a double precision floating point or complex. This check will likely fail if all the inputs are not of double precision floating point or complex. ")
        }
        let outputs = try GradMode.with(enabled: true) { try f(xs).outputs }
        for (o, y) in outputs.enumerated() where y.requiresGrad {
            for (i, x) in checked {
                let analytical = try analyticalJacobian(y, x)
                let numerical = try numericalJacobian(f, xs, input: i, output: o, eps: eps)
                let close = zip(analytical.doubles(), numerical.doubles()).allSatisfy { abs($0 - $1) <= atol + rtol * abs($1) }
                guard close else {
                    guard try a.bool("raise_exception") else { return .bool(false) }
                    let message = "Jacobian mismatch for output \(o) with respect to input \(i),\nnumerical:\(try interp.str(TorchValues.box(numerical)))\nanalytical:\(try interp.str(TorchValues.box(analytical)))\n"
                    throw PyError(gradcheckError, message)
                }
            }
        }
        return .bool(true)
    }

    /// Rows of ∂x for each element of y (PyTorch prints it as in.numel × out.numel).
    private static func analyticalJacobian(_ y: Tensor, _ x: Tensor) throws -> Tensor {
        let flat = try y.reshape([-1])
        var columns: [Tensor] = []
        for i in 0..<flat.count {
            let g = try gradientOfElement(i, of: flat, inputs: [x], createGraph: false)[0]
            columns.append(try (g ?? Tensor.zerosLike(x)).reshape([-1]).to(y.dtype))
        }
        return try Tensor.stack(columns, dim: 1)
    }

    private static func numericalJacobian(_ f: TensorFunction, _ xs: [Tensor], input: Int, output: Int, eps: Double) throws -> Tensor {
        let x = xs[input]
        var rows: [Tensor] = []
        for j in 0..<x.count {
            func evaluate(_ delta: Double) throws -> Tensor {
                let moved = try GradMode.with(enabled: false) { try x.detach().contiguous().reshape([-1]).clone() }
                moved.storage.setDouble(moved.offset + j, moved.storage.double(moved.offset + j) + delta)
                var args = xs.map { $0.detach() }
                args[input] = try moved.reshape(x.shape)
                return try GradMode.with(enabled: false) { try f(args).outputs[output] }
            }
            let plus = try evaluate(eps), minus = try evaluate(-eps)
            rows.append(try plus.sub(minus).div(Tensor.wrapped(2 * eps, dtype: .float64)).reshape([-1]))
        }
        return try Tensor.stack(rows, dim: 0)
    }
}
