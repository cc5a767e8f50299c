/// Forward-mode differentiation (`torch.autograd.forward_ad`, `torch.func.jvp`).
///
/// A dual tensor carries a `tangent`; every op whose inputs carry tangents
/// computes its output's tangent with the op's forward rule (the `tangent:`
/// row next to its backward rule). Tangents live only inside a dual level:
/// leaving the level clears every tangent made in it, as PyTorch does.
public enum ForwardAD {
    /// The state lives in the thread's EngineContext, so notebooks running
    /// in parallel keep their dual levels apart.
    /// The open dual level (PyTorch allows one at a time).
    public internal(set) static var currentLevel: Int? {
        get { EngineContext.current.forwardAD.level }
        set { EngineContext.current.forwardAD.level = newValue }
    }
    /// True while ops must compute tangents (a level is open and not suspended).
    static var isActive: Bool {
        @inline(__always) get { EngineContext.withCurrent { $0.forwardAD.isActive } }
        set { EngineContext.withCurrent { $0.forwardAD.isActive = newValue } }
    }
    private static var dualsOfLevel: [WeakTensor] {
        get { EngineContext.current.forwardAD.duals }
        set { EngineContext.current.forwardAD.duals = newValue }
    }

    /// `fwAD.dual_level().__enter__()`: opens level 0.
    @discardableResult
    public static func enterDualLevel() throws -> Int {
        guard currentLevel == nil else {
            throw TorchError.runtime("Nested forward mode AD is not supported at the moment")
        }
        currentLevel = 0
        isActive = true
        return 0
    }

    /// `dual_level().__exit__()`: clears every tangent created in the level.
    public static func exitDualLevel() {
        for weak in dualsOfLevel { weak.tensor?.tangent = nil }
        dualsOfLevel.removeAll()
        currentLevel = nil
        isActive = false
    }

    /// Runs `body` inside a fresh dual level.
    public static func withDualLevel<T>(_ body: () throws -> T) throws -> T {
        try enterDualLevel()
        defer { exitDualLevel() }
        return try body()
    }

    /// `fwAD.make_dual(primal, tangent)`: a view of `primal` carrying `tangent`.
    public static func makeDual(_ primal: Tensor, tangent: Tensor) throws -> Tensor {
        guard currentLevel != nil else {
            throw TorchError.runtime("Trying to create a dual Tensor for forward AD but no level exists, make sure to enter_dual_level() first.")
        }
        guard tangent.shape == primal.shape else {
            throw TorchError.runtime("Trying to set a forward gradient that has a different size than that of the original Tensor, this is not supported. Tensor is of size \(Shape.describe(primal.shape).dropFirst(6).dropLast()) while the given forward gradient is of size \(Shape.describe(tangent.shape).dropFirst(6).dropLast()).")
        }
        guard primal.dtype.isFloatingPoint else {
            throw TorchError.value("Expected primal to be floating point or complex, but got: \(primal.dtype.torchName)")
        }
        guard tangent.dtype.isFloatingPoint else {
            throw TorchError.value("Expected tangent to be floating point or complex, but got: \(tangent.dtype.torchName)")
        }
        let dual = try primal.aliasForDual()
        attach(tangent.dtype == primal.dtype ? tangent : tangent.converted(primal.dtype), to: dual)
        return dual
    }

    /// `fwAD.unpack_dual(t)`: the primal (without tangent) and the tangent (nil if none).
    public static func unpackDual(_ t: Tensor) -> (primal: Tensor, tangent: Tensor?) {
        guard let tangent = t.tangent else { return (t, nil) }
        let primal = Tensor(storage: t.storage, shape: t.shape, strides: t.strides, offset: t.offset, requiresGrad: false)
        primal.requiresGrad = t.requiresGrad
        primal.gradFn = t.gradFn
        return (primal, tangent)
    }

    /// `torch.func.jvp(f, primals, tangents)`: f's output and its directional
    /// derivative along `tangents`.
    public static func jvp(_ f: ([Tensor]) throws -> Tensor, primals: [Tensor], tangents: [Tensor]) throws -> (output: Tensor, jvp: Tensor) {
        let (outputs, jvps) = try jvp({ [try f($0)] }, primals: primals, tangents: tangents)
        return (outputs[0], jvps[0])
    }

    /// `jvp` of a function with several outputs: each output and its directional derivative.
    public static func jvp(_ f: ([Tensor]) throws -> [Tensor], primals: [Tensor], tangents: [Tensor]) throws -> (outputs: [Tensor], jvps: [Tensor]) {
        guard primals.count == tangents.count else {
            throw TorchError.runtime("jvp(f, primals, tangents): Expected primals and tangents to have the same python structure. For example, if primals is a tuple of 3 tensors, tangents also must be. Got primals with structure \(primals.count) and tangents with structure \(tangents.count)")
        }
        return try withDualLevel {
            let duals = try zip(primals, tangents).map { try makeDual($0.detach(), tangent: $1) }
            var outputs: [Tensor] = [], jvps: [Tensor] = []
            for out in try f(duals) {
                let (primal, tangent) = unpackDual(out)
                outputs.append(primal.detach())
                jvps.append(try tangent ?? Tensor.zerosLike(primal))
            }
            return (outputs, jvps)
        }
    }

    static func attach(_ tangent: Tensor, to t: Tensor) {
        t.tangent = tangent
        dualsOfLevel.append(WeakTensor(tensor: t))
    }

    /// Runs `body` without computing tangents (inside forward rules, backward passes and kernels).
    static func suspended<T>(_ body: () throws -> T) rethrows -> T {
        let saved = isActive
        isActive = false
        defer { isActive = saved }
        return try body()
    }
}

extension Tensor {
    /// A new tensor object sharing storage and history (what make_dual returns).
    func aliasForDual() throws -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        t.requiresGrad = requiresGrad
        if requiresGrad {
            let a = self
            // PyTorch's make_dual returns a view of its primal (ViewBackward0).
            return try t.recorded("ViewBackward0", inputs: [a], tangent: { $0[0] }) { g in [g] }
        }
        return t
    }
}
