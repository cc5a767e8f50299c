/// A tensor's elements in row-major order, as the printer needs them.
/// float32 values are widened exactly to Double: PyTorch's printer works on the
/// double value of each float32 (`tolist()` / `item()`).
public enum PrintableElements: Sendable {
    case floating([Double])
    case integer([Int64])
    case boolean([Bool])

    public var count: Int {
        switch self {
        case .floating(let values): return values.count
        case .integer(let values): return values.count
        case .boolean(let values): return values.count
        }
    }
}
