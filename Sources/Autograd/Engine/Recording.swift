extension Tensor {
    /// The edge a gradient for this tensor flows along, or nil if it needs none.
    var gradientEdge: Edge? {
        if let fn = gradFn ?? savedOutputOf { return .node(fn) }
        return requiresGrad ? .leaf(self) : nil
    }

    /// Attaches an op's derivative rows to `self`, a freshly computed result
    /// of the op on `inputs`:
    /// - `rule` (reverse mode) maps the output's gradient to one gradient per
    ///   input; it is recorded when grad mode is on and some input requires grad.
    ///   `saving` lists the tensors the rule reads, for version checks.
    /// - `tangent` (forward mode) maps the inputs' tangents (nil where an input
    ///   has none) to the output's tangent; it runs when a dual level is open
    ///   and some input carries a tangent.
    @discardableResult
    func recorded(_ name: String, symbol: String = "", inputs: [Tensor], saving: [Tensor] = [], output: Tensor? = nil,
                  tangent: ([Tensor?]) throws -> Tensor?,
                  rule: @escaping (Tensor) throws -> InputGradients) throws -> Tensor {
        // The forward rule only runs inside this call: non-escaping (and not
        // optional, which would need a heap-allocated reabstraction thunk).
        try record(name, symbol: symbol, inputs: inputs, saving: saving, output: output, tangent: tangent, rule: .closure(rule), attribute: 0)
    }

    /// An op whose backward rule is a `table` rule: it captures nothing and
    /// reads `saving` (then `output`) and `attribute` from the node.
    @discardableResult
    func recorded(_ name: String, symbol: String = "", inputs: [Tensor], saving: [Tensor] = [], output: Tensor? = nil,
                  attribute: Double = 0, tangent: ([Tensor?]) throws -> Tensor?,
                  rule: @escaping (Node, Tensor) throws -> InputGradients) throws -> Tensor {
        try record(name, symbol: symbol, inputs: inputs, saving: saving, output: output, tangent: tangent,
                   rule: .table(rule), attribute: attribute)
    }

    /// An op without a forward-mode rule (forward AD through it raises PyTorch's error).
    @discardableResult
    func recorded(_ name: String, symbol: String = "", inputs: [Tensor], saving: [Tensor] = [], output: Tensor? = nil,
                  rule: @escaping (Tensor) throws -> InputGradients) throws -> Tensor {
        try record(name, symbol: symbol, inputs: inputs, saving: saving, output: output,
                   tangent: { _ in throw Tensor.forwardADUnsupported(name) }, rule: .closure(rule), attribute: 0)
    }

    /// An alias of this result (same storage) for its own op's backward rule
    /// to read, passed to `recorded` as `output:`. A rule that captured the
    /// result itself would form a cycle (result → grad_fn → rule → result) and
    /// leak every such result. The alias links back to the node weakly
    /// (`savedOutputOf`), so a create_graph backward still differentiates
    /// through it, as PyTorch's saved outputs do.
    var outputForBackward: Tensor { detach() }

    // Inlined into every op, so the `inputs` and `saving` literals of the
    // common one- and two-tensor ops stay on the stack.
    @inline(__always)
    private func record(_ name: String, symbol: String, inputs: [Tensor], saving: [Tensor], output: Tensor?,
                        tangent: ([Tensor?]) throws -> Tensor?,
                        rule: BackwardRule, attribute: Double) throws -> Tensor {
        if ForwardAD.isActive { try propagateTangent(name, inputs: inputs, tangent) }
        guard GradMode.isEnabled else { return self }
        var anyRequiresGrad = false
        for t in inputs where t.requiresGrad { anyRequiresGrad = true; break }
        guard anyRequiresGrad else { return self }
        // A saved output names this op in version errors; a saved input names
        // whatever produced it at the time of the error (PyTorch's wording).
        let savedCount = saving.count + (output == nil ? 0 : 1)
        let node: Node
        if inputs.count <= 2 && savedCount <= 2 {
            func save(_ i: Int) -> SavedTensor? {
                if i < saving.count { return SavedTensor(tensor: saving[i], version: saving[i].version, isOutput: false) }
                if i == saving.count, let output { return SavedTensor(tensor: output, version: output.version, isOutput: true) }
                return nil
            }
            node = Node(name: name, symbol: symbol, inputCount: inputs.count,
                        input0: inputs.count > 0 ? inputs[0].gradientEdge : nil, input1: inputs.count > 1 ? inputs[1].gradientEdge : nil,
                        saved0: save(0), saved1: save(1), rule: rule, attribute: attribute)
        } else {
            var saved = saving.map { SavedTensor(tensor: $0, version: $0.version, isOutput: false) }
            if let output { saved.append(SavedTensor(tensor: output, version: output.version, isOutput: true)) }
            node = Node(name: name, symbol: symbol, inputs: inputs.map { $0.gradientEdge }, saved: saved, rule: rule, attribute: attribute)
        }
        if let output {
            output.savedOutputOf = node
            output.requiresGrad = true
        }
        gradFn = node
        node.rememberOutput(self)
        requiresGrad = true
        return self
    }

    /// `recorded` for the hot two-input ops (arithmetic, mse), without the
    /// `inputs`/`saving` arrays: a `table` rule over inputs `a` and `b`, saved
    /// too when `savingInputs` (mul, div, mse; add and sub save nothing).
    @inline(__always)
    func recordedBinary(_ name: String, symbol: String, _ a: Tensor, _ b: Tensor, savingInputs: Bool, attribute: Double = 0,
                        tangent: (Tensor?, Tensor?) throws -> Tensor?,
                        rule: @escaping (Node, Tensor) throws -> InputGradients) throws -> Tensor {
        if ForwardAD.isActive { try propagateTangent(name, inputs: [a, b]) { try tangent($0[0], $0[1]) } }
        guard GradMode.isEnabled && (a.requiresGrad || b.requiresGrad) else { return self }
        let node = Node(name: name, symbol: symbol, inputCount: 2, input0: a.gradientEdge, input1: b.gradientEdge,
                        saved0: savingInputs ? SavedTensor(tensor: a, version: a.version, isOutput: false) : nil,
                        saved1: savingInputs ? SavedTensor(tensor: b, version: b.version, isOutput: false) : nil,
                        rule: .table(rule), attribute: attribute)
        gradFn = node
        node.rememberOutput(self)
        requiresGrad = true
        return self
    }

    /// Whether an op on these inputs must record anything (history or a tangent).
    /// Hot ops check it first, so without grad they build no derivative closures.
    @inline(__always)
    static func recordingNeeded(_ a: Tensor) -> Bool {
        ForwardAD.isActive || (a.requiresGrad && GradMode.isEnabled)
    }

    @inline(__always)
    static func recordingNeeded(_ a: Tensor, _ b: Tensor) -> Bool {
        ForwardAD.isActive || ((a.requiresGrad || b.requiresGrad) && GradMode.isEnabled)
    }

    private func propagateTangent(_ name: String, inputs: [Tensor], _ rule: ([Tensor?]) throws -> Tensor?) throws {
        let tangents = inputs.map { $0.tangent }
        guard tangents.contains(where: { $0 != nil }) else { return }
        let t = try ForwardAD.suspended { try GradMode.with(enabled: GradMode.isEnabled) { try rule(tangents) } }
        guard var t, dtype.isFloatingPoint else { return }
        if t.dtype != dtype { t = t.converted(dtype) }
        if t.shape != shape { t = try untracked { try t.expand(shape).contiguousCopy() } }
        ForwardAD.attach(t, to: self)
    }

    /// PyTorch's error for forward AD through an op without a forward-mode rule.
    static func forwardADUnsupported(_ name: String) -> TorchError {
        TorchError.notImplemented("Trying to use forward AD with \(Node.forwardOpName(name)) that does not support it because it has not been implemented yet.\nPlease file an issue to PyTorch at https://github.com/pytorch/pytorch/issues/new?template=feature-request.yml so that we can prioritize its implementation or submit a PR adding the implementation to derivatives.yaml")
    }

    /// Replaces this tensor's history after an in-place op: the new node's
    /// single input is the tensor's previous history.
    func rebaseHistory(_ name: String, previous: Edge?, saving: [Tensor] = [], rule: @escaping (Tensor) throws -> InputGradients) {
        let saved = saving.map { SavedTensor(tensor: $0, version: $0.version, isOutput: false) }
        let node = Node(name: name, symbol: "", inputs: [previous], saved: saved, rule: rule)
        gradFn = node
        node.rememberOutput(self)
        requiresGrad = true
    }
}

/// Runs `body` (an op's internal computation built from other ops) without
/// recording history or tangents: the enclosing op records its own row.
@inline(__always)
func untracked<T>(_ body: () throws -> T) rethrows -> T {
    let savedGrad = GradMode.isEnabled, savedForward = ForwardAD.isActive
    GradMode.isEnabled = false
    ForwardAD.isActive = false
    defer { GradMode.isEnabled = savedGrad; ForwardAD.isActive = savedForward }
    return try body()
}
