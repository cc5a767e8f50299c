import Autograd

/// `nn.Module`: an ordered registry of parameters and child modules with a
/// `forward`. Registration order is what `parameters()`, `state_dict()` and
/// printing follow, as in PyTorch.
open class Module {
    /// The class name printed by `repr` (`Linear`, or a user's `Net`).
    public var typeName: String
    public private(set) var training = true
    public private(set) var parameterSlots: [(name: String, tensor: Tensor?)] = []
    public private(set) var bufferSlots: [(name: String, tensor: Tensor?)] = []
    public private(set) var childSlots: [(name: String, module: Module?)] = []

    /// The language binding's object for this module, not retained: the
    /// binding clears it when the box dies (see `Tensor.boxed`).
    public var boxed: UnsafeMutableRawPointer?
    /// The language binding's class for this module's type, from the session
    /// that created it, so a new box gets that session's class (each session
    /// has its own `torch.nn` classes).
    public var bindingClass: AnyObject?

    public init(typeName: String) {
        self.typeName = typeName
    }

    // MARK: registration

    /// Adds or replaces a parameter slot (nil keeps the name, as `bias=None` does).
    public func register(parameter: Tensor?, named name: String) {
        parameter?.isParameter = true
        if let i = parameterSlots.firstIndex(where: { $0.name == name }) {
            parameterSlots[i].tensor = parameter
        } else {
            removeSlot(named: name)
            parameterSlots.append((name, parameter))
        }
    }

    public func register(buffer: Tensor?, named name: String) {
        if let i = bufferSlots.firstIndex(where: { $0.name == name }) {
            bufferSlots[i].tensor = buffer
        } else {
            removeSlot(named: name)
            bufferSlots.append((name, buffer))
        }
    }

    public func register(module: Module?, named name: String) {
        if let i = childSlots.firstIndex(where: { $0.name == name }) {
            childSlots[i].module = module
        } else {
            removeSlot(named: name)
            childSlots.append((name, module))
        }
    }

    /// Replaces all child slots at once (containers renumbering after insert/delete).
    public func replaceChildren(_ slots: [(name: String, module: Module?)]) {
        for (name, _) in childSlots { parameterSlots.removeAll { $0.name == name }; bufferSlots.removeAll { $0.name == name } }
        childSlots = slots
    }

    /// Forgets any slot of this name (assigning a plain value over a parameter).
    public func removeSlot(named name: String) {
        parameterSlots.removeAll { $0.name == name }
        bufferSlots.removeAll { $0.name == name }
        childSlots.removeAll { $0.name == name }
    }

    public func parameter(named name: String) -> Tensor?? {
        parameterSlots.first { $0.name == name }.map { $0.tensor }
    }

    public func child(named name: String) -> Module?? {
        childSlots.first { $0.name == name }.map { $0.module }
    }

    public func buffer(named name: String) -> Tensor?? {
        bufferSlots.first { $0.name == name }.map { $0.tensor }
    }

    // MARK: traversal

    /// `named_modules()`: self first, then children depth-first, each module once.
    public func namedModules(prefix: String = "") -> [(String, Module)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Module)] = []
        func visit(_ m: Module, _ p: String) {
            guard seen.insert(ObjectIdentifier(m)).inserted else { return }
            result.append((p, m))
            for (name, child) in m.childSlots {
                if let child { visit(child, p.isEmpty ? name : p + "." + name) }
            }
        }
        visit(self, prefix)
        return result
    }

    public func modules() -> [Module] { namedModules().map(\.1) }

    public func children() -> [Module] {
        var seen = Set<ObjectIdentifier>()
        return childSlots.compactMap(\.module).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    public func namedChildren() -> [(String, Module)] {
        var seen = Set<ObjectIdentifier>()
        return childSlots.compactMap { slot in slot.module.map { (slot.name, $0) } }.filter { seen.insert(ObjectIdentifier($0.1)).inserted }
    }

    /// `named_parameters()`: depth-first, each tensor once.
    public func namedParameters() -> [(String, Tensor)] {
        var seen = Set<ObjectIdentifier>()
        var result: [(String, Tensor)] = []
        for (prefix, m) in namedModules() {
            for (name, p) in m.parameterSlots {
                guard let p, seen.insert(ObjectIdentifier(p)).inserted else { continue }
                result.append((prefix.isEmpty ? name : prefix + "." + name, p))
            }
        }
        return result
    }

    public func parameters() -> [Tensor] { namedParameters().map(\.1) }

    public func namedBuffers() -> [(String, Tensor)] {
        var result: [(String, Tensor)] = []
        for (prefix, m) in namedModules() {
            for (name, b) in m.bufferSlots {
                if let b { result.append((prefix.isEmpty ? name : prefix + "." + name, b)) }
            }
        }
        return result
    }

    /// `state_dict()`: parameters and buffers, per module in registration order, detached.
    public func stateDict() -> [(String, Tensor)] {
        var result: [(String, Tensor)] = []
        for (prefix, m) in namedModules() {
            for (name, p) in m.parameterSlots { if let p { result.append((prefix.isEmpty ? name : prefix + "." + name, p.detach())) } }
            for (name, b) in m.bufferSlots { if let b { result.append((prefix.isEmpty ? name : prefix + "." + name, b.detach())) } }
        }
        return result
    }

    // MARK: modes and gradients

    public func train(_ mode: Bool = true) {
        for m in modules() { m.training = mode }
    }

    public func eval() { train(false) }

    /// `zero_grad()`: grads become None (PyTorch 2.x), or zeros with setToNone false.
    public func zeroGrad(setToNone: Bool = true) throws {
        for p in parameters() {
            try Optimizer.clearGrad(p, setToNone: setToNone)
        }
    }

    // MARK: forward

    /// The computation of a single-input module; multi-input modules (losses) add their own.
    open func forward(_ input: Tensor) throws -> Tensor {
        throw TorchError.notImplemented("Module [\(typeName)] is missing the required \"forward\" function")
    }

    // MARK: printing (torch-fidelity §1.9)

    /// The text inside the parentheses (`in_features=4, out_features=2, bias=True`).
    open var extraRepr: String { "" }

    /// How a child prints; the interpreter overrides this for Python subclasses with `__repr__`.
    open func repr() -> String {
        var lines: [String] = extraRepr.isEmpty ? [] : extraRepr.components(separatedBy: "\n")
        let extraCount = lines.count
        for (name, child) in childSlots {
            let text = child?.repr() ?? "None"
            lines.append("(\(name)): " + Module.indentContinuationLines(text))
        }
        if lines.isEmpty { return "\(typeName)()" }
        if extraCount == 1 && lines.count == 1 { return "\(typeName)(\(lines[0]))" }
        return "\(typeName)(\n  " + lines.joined(separator: "\n  ") + "\n)"
    }

    /// Indents every line after the first by two spaces (blank lines stay empty).
    public static func indentContinuationLines(_ text: String) -> String {
        let parts = text.components(separatedBy: "\n")
        guard parts.count > 1 else { return text }
        let rest = parts.dropFirst().map { $0.allSatisfy { $0 == " " || $0 == "\t" } ? "" : "  " + $0 }
        return ([parts[0]] + rest).joined(separator: "\n")
    }
}
