import Autograd

/// `torch.optim.Optimizer`: parameter groups with their options, per-parameter
/// state, `zero_grad` and `step`. Subclasses give their defaults and the
/// update; options are read from each group at every step, so a user's
/// `group["lr"] = …` takes effect at the next step.
open class Optimizer {
    public let typeName: String
    /// The constructor's options, in the order PyTorch's `defaults` dict has them.
    public let defaults: [(key: String, value: OptionValue)]
    public private(set) var paramGroups: [ParamGroup] = []
    private var stateByParameter: [ObjectIdentifier: ParamState] = [:]
    /// `optimizer.state` in insertion order (a defaultdict keyed by parameter in PyTorch).
    public private(set) var stateEntries: [(parameter: Tensor, state: ParamState)] = []
    /// What `zero_grad()` does without arguments: PyTorch 2.x sets grads to
    /// None; OneFlow 0.7 filled zeros.
    public var zeroGradSetsNone = true
    /// Set once an lr scheduler attaches (PyTorch wraps `optimizer.step` then).
    var isWatchedBySchedulers = false
    /// Whether `step()` ran since a scheduler attached: a scheduler stepped
    /// before it warns, as PyTorch's `_opt_called` check does.
    var steppedWhileWatched = false

    public init(typeName: String, groups: [ParamGroupSpec], defaults: [(key: String, value: OptionValue)]) throws {
        self.typeName = typeName
        self.defaults = defaults
        if groups.isEmpty {
            throw TorchError.value("optimizer got an empty parameter list")
        }
        for g in groups { try addParamGroup(g) }
    }

    /// `add_param_group(group)`: fills missing options from the defaults.
    public func addParamGroup(_ spec: ParamGroupSpec) throws {
        if spec.params.contains(where: { !$0.isLeaf && !$0.retainsGrad }) {
            throw TorchError.value("can't optimize a non-leaf Tensor")
        }
        var seen = Set<ObjectIdentifier>()
        for g in paramGroups { for p in g.params { seen.insert(ObjectIdentifier(p)) } }
        var own = Set<ObjectIdentifier>()
        for p in spec.params {
            if !own.insert(ObjectIdentifier(p)).inserted {
                // PyTorch only warns about duplicates inside one group.
                continue
            }
            if seen.contains(ObjectIdentifier(p)) {
                throw TorchError.value("some parameters appear in more than one parameter group")
            }
        }
        let group = ParamGroup(params: spec.params, options: spec.options)
        for (k, v) in defaults { group.setDefault(k, v) }
        paramGroups.append(group)
    }

    /// `optimizer.state[p]`, created on first use.
    public func state(for p: Tensor) -> ParamState {
        if let s = stateByParameter[ObjectIdentifier(p)] { return s }
        let s = ParamState()
        stateByParameter[ObjectIdentifier(p)] = s
        stateEntries.append((p, s))
        return s
    }

    /// `step()`: runs the update without recording history.
    public func step() throws {
        if isWatchedBySchedulers { steppedWhileWatched = true }
        try GradMode.with(enabled: false) {
            for group in paramGroups { try update(group) }
        }
    }

    /// The update of one group; subclasses implement it.
    open func update(_ group: ParamGroup) throws {
        throw TorchError.notImplemented("\(typeName).step is not implemented")
    }

    public func zeroGrad(setToNone: Bool? = nil) throws {
        for group in paramGroups {
            for p in group.params { try Optimizer.clearGrad(p, setToNone: setToNone ?? zeroGradSetsNone) }
        }
    }

    static func clearGrad(_ p: Tensor, setToNone: Bool) throws {
        if setToNone {
            p.grad = nil   // without reading it first: no extra reference to count
        } else if let g = p.grad {
            _ = try GradMode.with(enabled: false) { try g.detach().zeroInPlace() }
        }
    }

    /// `repr(optimizer)`: each group's options sorted by key, values as `str()`
    /// prints them (torch-fidelity §1.8). `format` lets a binding print values itself.
    public func repr(format: (OptionValue) -> String = { $0.pythonStr }) -> String {
        var text = typeName + " ("
        for (i, group) in paramGroups.enumerated() {
            text += "\nParameter Group \(i)\n"
            for (key, value) in group.options.sorted(by: { $0.key < $1.key }) {
                text += "    \(key): \(format(value))\n"
            }
        }
        return text + ")"
    }

    /// PyTorch's range checks on constructor arguments (`Invalid learning rate: -1`).
    static func require(_ value: OptionValue, atLeast minimum: Double = 0, _ message: String) throws {
        if let v = value.doubleValue, v < minimum {
            throw TorchError.value("\(message): \(value.pythonStr)")
        }
    }
}
