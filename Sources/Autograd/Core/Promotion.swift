/// PyTorch's type promotion (`torch.result_type`): operands fall into three
/// priority groups — tensors with dimensions, 0-d tensors, wrapped Python
/// numbers — and a lower group only wins when its category (bool < integer
/// < floating) is higher.
public enum Promotion {
    /// The dtype both operands are converted to before an arithmetic op.
    public static func resultType(_ operands: [Tensor]) -> DType {
        var groups = Groups()
        for t in operands { groups.add(t) }
        return groups.result
    }

    public static func resultType(_ a: Tensor, _ b: Tensor) -> DType {
        // The common case: same dtype, same group.
        if a.dtype == b.dtype && !a.isWrappedNumber && !b.isWrappedNumber { return a.dtype }
        // A float tensor with a Python number (`w * 2`): the tensor's dtype.
        if b.isWrappedNumber && !a.isWrappedNumber && a.dtype.isFloatingPoint { return a.dtype }
        if a.isWrappedNumber && !b.isWrappedNumber && b.dtype.isFloatingPoint { return b.dtype }
        var groups = Groups()
        groups.add(a)
        groups.add(b)
        return groups.result
    }

    /// The promoted dtype of each priority group: tensors with dims, 0-d
    /// tensors, wrapped Python numbers (highest group wins, within a category).
    private struct Groups {
        var dimResult: DType? = nil
        var zeroResult: DType? = nil
        var wrappedResult: DType? = nil

        mutating func add(_ t: Tensor) {
            if t.isWrappedNumber {
                // A Python float takes the default dtype, not float64.
                let d: DType = t.dtype.isFloatingPoint ? .float32 : t.dtype
                wrappedResult = promote(wrappedResult, d)
            } else if t.dim == 0 {
                zeroResult = promote(zeroResult, t.dtype)
            } else {
                dimResult = promote(dimResult, t.dtype)
            }
        }

        var result: DType { combine(dimResult, combine(zeroResult, wrappedResult)) ?? .float32 }
    }

    static func combine(_ higher: DType?, _ lower: DType?) -> DType? {
        guard let higher else { return lower }
        guard let lower else { return higher }
        if higher.isFloatingPoint { return higher }
        if higher == .bool || lower.isFloatingPoint { return promote(higher, lower) }
        return higher
    }

    /// The smallest dtype that holds both (PyTorch's promoteTypes for our dtypes).
    public static func promote(_ a: DType?, _ b: DType) -> DType {
        guard let a else { return b }
        if a == b { return a }
        return rank(a) >= rank(b) ? a : b
    }

    /// Position in bool < int32 < int64 < float32 < float64.
    private static func rank(_ d: DType) -> Int {
        switch d {
        case .bool: return 0
        case .int32: return 1
        case .int64: return 2
        case .float32: return 3
        case .float64: return 4
        }
    }
}
