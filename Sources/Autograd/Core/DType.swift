/// Element types of a tensor. float32 is the default, as in PyTorch.
public enum DType: String, Sendable, CaseIterable {
    case float32, float64, int64, int32, bool

    /// The name PyTorch prints: `torch.float32`, `torch.int64`…
    public var torchName: String { "torch.\(rawValue)" }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    public var isIntegral: Bool { self == .int64 || self == .int32 }

    /// Bytes per element, for memory limits.
    public var itemSize: Int {
        switch self {
        case .float32, .int32: return 4
        case .float64, .int64: return 8
        case .bool: return 1
        }
    }

    /// PyTorch's promotion category: bool < integer < floating.
    var category: Int {
        switch self {
        case .bool: return 0
        case .int32, .int64: return 1
        case .float32, .float64: return 2
        }
    }

    /// The legacy type name used in PyTorch's version-counter error (`torch.FloatTensor`).
    public var legacyTypeName: String {
        switch self {
        case .float32: return "torch.FloatTensor"
        case .float64: return "torch.DoubleTensor"
        case .int64: return "torch.LongTensor"
        case .int32: return "torch.IntTensor"
        case .bool: return "torch.BoolTensor"
        }
    }

    /// The short name PyTorch uses in dtype-mismatch errors (`Long`, `Float`).
    public var scalarTypeName: String {
        switch self {
        case .float32: return "Float"
        case .float64: return "Double"
        case .int64: return "Long"
        case .int32: return "Int"
        case .bool: return "Bool"
        }
    }
}
