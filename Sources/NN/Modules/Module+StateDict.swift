import Autograd

extension Module {
    /// `load_state_dict(state_dict, strict=True)`: copies matching entries into
    /// the parameters and buffers, with PyTorch's error report. Returns the
    /// missing and unexpected keys (what `strict=False` reports).
    @discardableResult
    public func loadStateDict(_ entries: [(String, Tensor)], strict: Bool = true) throws -> (missingKeys: [String], unexpectedKeys: [String]) {
        let own = namedStateSlots()
        var missing: [String] = []
        var errors: [String] = []
        var copies: [(Tensor, Tensor)] = []
        for (key, target) in own {
            guard let source = entries.first(where: { $0.0 == key })?.1 else { missing.append(key); continue }
            guard source.shape == target.shape else {
                errors.append("size mismatch for \(key): copying a param with shape \(Shape.describe(source.shape)) from checkpoint, the shape in current model is \(Shape.describe(target.shape)).")
                continue
            }
            copies.append((target, source))
        }
        let ownKeys = Set(own.map(\.0))
        let unexpected = entries.map(\.0).filter { !ownKeys.contains($0) }
        if strict {
            if !unexpected.isEmpty { errors.insert("Unexpected key(s) in state_dict: \(unexpected.map { "\"\($0)\"" }.joined(separator: ", ")). ", at: 0) }
            if !missing.isEmpty { errors.insert("Missing key(s) in state_dict: \(missing.map { "\"\($0)\"" }.joined(separator: ", ")). ", at: 0) }
        }
        if !errors.isEmpty {
            throw TorchError.runtime("Error(s) in loading state_dict for \(typeName):\n\t" + errors.joined(separator: "\n\t"))
        }
        try GradMode.with(enabled: false) {
            for (target, source) in copies { _ = try target.detach().copyInPlace(source) }
        }
        return (missing, unexpected)
    }

    /// The live tensors behind `state_dict()` keys (parameters, then buffers, per module).
    func namedStateSlots() -> [(String, Tensor)] {
        var result: [(String, Tensor)] = []
        for (prefix, m) in namedModules() {
            for (name, p) in m.parameterSlots { if let p { result.append((prefix.isEmpty ? name : prefix + "." + name, p)) } }
            for (name, b) in m.bufferSlots { if let b { result.append((prefix.isEmpty ? name : prefix + "." + name, b)) } }
        }
        return result
    }

    /// The order `module.apply(fn)` visits: every child's subtree first, then self.
    public func applyOrder() -> [Module] {
        var result: [Module] = []
        func visit(_ m: Module) {
            for child in m.children() { visit(child) }
            result.append(m)
        }
        visit(self)
        return result
    }

    /// `requires_grad_(flag)` on every parameter.
    public func requiresGrad(_ flag: Bool = true) throws {
        for p in parameters() { try p.setRequiresGrad(flag) }
    }
}
