import Autograd

/// A value of an optimizer option, kept typed so it prints as Python would.
public enum OptionValue: Equatable {
    case float(Double)
    case int(Int)
    case bool(Bool)
    case none
    case tuple([OptionValue])
    case string(String)

    public var doubleValue: Double? {
        switch self {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }
}

/// One `param_groups` entry: its parameters and its options.
public final class ParamGroup {
    public var params: [Tensor]
    public var options: [String: OptionValue]

    public init(params: [Tensor], options: [String: OptionValue]) {
        self.params = params
        self.options = options
    }

    public func double(_ key: String) -> Double { options[key]?.doubleValue ?? 0 }
    public func bool(_ key: String) -> Bool { options[key] == .bool(true) }
}

/// `torch.optim.Optimizer`: parameter groups, `zero_grad`, `step`.
open class Optimizer {
    public let typeName: String
    public var paramGroups: [ParamGroup]
    /// What `zero_grad()` does without arguments: PyTorch 2.x sets grads to
    /// None; OneFlow 0.7 filled zeros.
    public var zeroGradSetsNone = true

    public init(typeName: String, groups: [ParamGroup]) throws {
        self.typeName = typeName
        self.paramGroups = groups
        if groups.allSatisfy({ $0.params.isEmpty }) {
            throw TorchError.value("optimizer got an empty parameter list")
        }
    }

    open func step() throws {}

    public func zeroGrad(setToNone: Bool? = nil) throws {
        for group in paramGroups {
            for p in group.params { try Optimizer.clearGrad(p, setToNone: setToNone ?? zeroGradSetsNone) }
        }
    }

    static func clearGrad(_ p: Tensor, setToNone: Bool) throws {
        guard let g = p.grad else { return }
        if setToNone {
            p.grad = nil
        } else {
            try GradMode.with(enabled: false) { try g.detach().zeroInPlace() }
        }
    }
}
