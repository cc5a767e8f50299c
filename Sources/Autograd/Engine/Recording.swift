extension Tensor {
    /// The edge a gradient for this tensor flows along, or nil if it needs none.
    var gradientEdge: Edge? {
        if let fn = gradFn { return .node(fn) }
        return requiresGrad ? .leaf(self) : nil
    }

    /// Attaches a backward rule to `self`, a freshly computed result of an op
    /// on `inputs`, when grad mode is on and some input requires grad.
    /// `saving` lists the tensors the rule reads, for version checks.
    @discardableResult
    func recorded(_ name: String, symbol: String = "", inputs: [Tensor], saving: [Tensor] = [],
                  rule: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        guard GradMode.isEnabled, inputs.contains(where: { $0.requiresGrad }) else { return self }
        // A saved output names this op in version errors; a saved input names
        // whatever produced it at the time of the error (PyTorch's wording).
        let saved = saving.map { SavedTensor(tensor: $0, version: $0.version, producer: $0 === self ? name : nil) }
        gradFn = Node(name: name, symbol: symbol, inputs: inputs.map { $0.gradientEdge }, saved: saved, rule: rule)
        gradFn?.output = self   // figures show the value an op produced
        requiresGrad = true
        return self
    }

    /// Replaces this tensor's history after an in-place op: the new node's
    /// single input is the tensor's previous history.
    func rebaseHistory(_ name: String, previous: Edge?, saving: [Tensor] = [], rule: @escaping (Tensor) throws -> [Tensor?]) {
        let saved = saving.map { SavedTensor(tensor: $0, version: $0.version, producer: nil) }
        gradFn = Node(name: name, symbol: "", inputs: [previous], saved: saved, rule: rule)
        gradFn?.output = self   // figures show the value an op produced
        requiresGrad = true
    }
}
