import Synchronization
import Autograd

/// One `param_groups` entry: its parameters and its options, in the order
/// the Python dict holds them (`params` first, then the group's own keys,
/// then the optimizer's defaults).
public final class ParamGroup {
    public var params: [Tensor]
    public private(set) var options: [(key: String, value: OptionValue)] { didSet { revision = ParamGroup.nextRevision() } }
    /// Changes with every change of `options`, so a step can reuse the
    /// numbers it read from them last time. Unique across all groups, so a
    /// group allocated where a freed one was never matches its old entry.
    public private(set) var revision = ParamGroup.nextRevision()

    private static let revisions = Atomic<Int>(0)
    private static func nextRevision() -> Int { revisions.wrappingAdd(1, ordering: .relaxed).newValue }

    public init(params: [Tensor], options: [(key: String, value: OptionValue)] = []) {
        self.params = params
        self.options = options
    }

    /// `group[key]`; assigning a new key appends it, as a dict does.
    public subscript(key: String) -> OptionValue? {
        get { options.first { $0.key == key }?.value }
        set {
            if let i = options.firstIndex(where: { $0.key == key }) {
                if let newValue { options[i].value = newValue } else { options.remove(at: i) }
            } else if let newValue {
                options.append((key, newValue))
            }
        }
    }

    /// `group[key]`, or Python's KeyError.
    public func require(_ key: String) throws -> OptionValue {
        guard let v = self[key] else { throw TorchError(type: "KeyError", message: key) }
        return v
    }

    /// `group.setdefault(key, value)`.
    public func setDefault(_ key: String, _ value: OptionValue) {
        if self[key] == nil { self[key] = value }
    }

    /// The option as a number for a step (0 when missing or not numeric).
    public func double(_ key: String) -> Double { self[key]?.doubleValue ?? 0 }
    public func bool(_ key: String) -> Bool { self[key] == .bool(true) }

    /// `(β1, β2)` of Adam-style groups.
    public func pair(_ key: String) -> (Double, Double) {
        guard case .tuple(let items)? = self[key], items.count == 2 else { return (0, 0) }
        return (items[0].doubleValue ?? 0, items[1].doubleValue ?? 0)
    }
}

/// A group as the user passes it: `{"params": [...], "lr": 0.01}`.
public struct ParamGroupSpec {
    public var params: [Tensor]
    public var options: [(key: String, value: OptionValue)]

    public init(params: [Tensor], options: [(key: String, value: OptionValue)] = []) {
        self.params = params
        self.options = options
    }
}

/// Per-parameter optimizer state (`optimizer.state[p]`), in insertion order.
public final class ParamState {
    public private(set) var entries: [(key: String, value: Tensor)] = []

    public init() {}

    public subscript(key: String) -> Tensor? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let i = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }
}
