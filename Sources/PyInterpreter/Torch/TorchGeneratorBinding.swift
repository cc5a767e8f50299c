import Autograd

/// `torch.Generator` objects and the seeding functions.
enum TorchGeneratorBinding {
    final class Box {
        let generator: TorchGenerator
        init(_ generator: TorchGenerator) { self.generator = generator }
    }

    static let type: PyType = NativeClassBuilder("Generator", module: "torch._C")
        .initializer { _, this, _ in
            this.instance?.payload = Box(TorchGenerator())
            return .none
        }
        .method("manual_seed") { interp, this, args in
            let g = try this.requirePayload(Box.self, "Generator").generator
            g.manualSeed(try seed(interp, args.positional.first ?? .int(0)))
            return this
        }
        .method("initial_seed") { _, this, _ in .int(Int(truncatingIfNeeded: try this.requirePayload(Box.self, "Generator").generator.initialSeed)) }
        .method("__repr__") { _, _, _ in .string("<torch._C.Generator object>") }
        .build()

    /// The generator for a `generator=` argument (the context's default when None).
    static func generator(_ a: BoundArguments) throws -> TorchGenerator {
        guard let v = a.optional("generator") else { return .default }
        guard let box = v.payload(Box.self) else {
            throw PyError(.typeError, "\(a.signature.functionName)(): argument 'generator' must be torch.Generator, not \(v.typeName)")
        }
        return box.generator
    }

    /// `manual_seed` accepts anything `int()` accepts and keeps it as uint64.
    static func seed(_ interp: Interpreter, _ v: Value) throws -> UInt64 {
        let n: Value = (try? interp.callMethod(v, "__int__")) ?? v
        switch n {
        case .int(let i): return UInt64(bitPattern: Int64(i))
        case .bool(let b): return b ? 1 : 0
        case .object(let o):
            if let big = o as? PyBigInt {
                if big.value >= 0, let u = UInt64(exactly: big.value) { return u }
                if let i = Int64(exactly: big.value) { return UInt64(bitPattern: i) }
            }
            throw PyError(.runtimeError, "Overflow when unpacking long long")
        default:
            throw PyError(.typeError, "manual_seed expected a long, but got \(v.typeName)")
        }
    }

    static func register(_ m: PyModule) {
        m["Generator"] = .object(type)
        m.addFunction("manual_seed") { interp, args in
            let a = try NativeSignature("manual_seed", "seed").bind(args)
            let g = TorchGenerator.default
            g.manualSeed(try seed(interp, a["seed"]))
            return .object(PyInstance(cls: type, payload: Box(g)))
        }
        m.addFunction("seed") { _, _ in
            let g = TorchGenerator.default
            g.manualSeed(TorchGenerator.defaultSeed)
            return .int(Int(TorchGenerator.defaultSeed))
        }
        m.addFunction("initial_seed") { _, _ in .int(Int(truncatingIfNeeded: TorchGenerator.default.initialSeed)) }
        m.addFunction("get_rng_state") { _, _ in .object(PyInstance(cls: stateType, payload: StateBox(TorchGenerator.default.state))) }
        m.addFunction("set_rng_state") { _, args in
            guard let s = args.positional.first?.payload(StateBox.self) else {
                throw PyError(.typeError, "set_rng_state expects the object returned by get_rng_state")
            }
            TorchGenerator.default.restore(s.state)
            return .none
        }
        m.addFunction("default_generator") { _, _ in .object(PyInstance(cls: type, payload: Box(.default))) }
    }

    final class StateBox {
        let state: TorchGenerator.State
        init(_ state: TorchGenerator.State) { self.state = state }
    }

    static let stateType: PyType = NativeClassBuilder("ByteTensor", module: "torch", instantiable: false)
        .method("__repr__") { _, _, _ in .string("<generator state>") }
        .build()
}
