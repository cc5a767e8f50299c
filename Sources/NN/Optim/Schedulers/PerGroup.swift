import Autograd

/// A scheduler argument given once for every parameter group or as a list
/// with one entry per group (`max_lr=0.1` or `max_lr=[0.1, 0.01]`).
public enum PerGroup<Value> {
    case shared(Value)
    case each([Value])

    /// One value per group; `mismatch(groups, given)` words the error for a list of the wrong length.
    public func resolved(groups: Int, mismatch: (Int, Int) -> TorchError) throws -> [Value] {
        switch self {
        case .shared(let v): return Array(repeating: v, count: groups)
        case .each(let values):
            if values.count != groups { throw mismatch(groups, values.count) }
            return values
        }
    }

    /// PyTorch's `_format_param(name, optimizer, param)` wording.
    public func formatted(_ name: String, groups: Int) throws -> [Value] {
        try resolved(groups: groups) { groups, given in
            TorchError.value("\(name) must have the same length as optimizer.param_groups. \(name) has \(given) values, param_groups has \(groups).")
        }
    }
}
