/// Counts the bytes held by live tensor storages of the current context, so
/// the interpreter can end a cell that builds a memory bomb before the
/// process is killed.
public enum MemoryAccounting {
    public static var liveBytes: Int { EngineContext.current.liveBytes }

    /// Upper bound on `liveBytes`; creation beyond it throws a `TorchError`.
    public static var limitBytes: Int {
        get { EngineContext.current.limitBytes }
        set { EngineContext.current.limitBytes = newValue }
    }

    /// Upper bound on the elements of one tensor.
    public static var limitElements: Int {
        get { EngineContext.current.limitElements }
        set { EngineContext.current.limitElements = newValue }
    }

    /// Throws before allocating a tensor that would break a limit.
    @inline(__always)
    public static func check(elements: Int, dtype: DType) throws {
        let (limitElements, limitBytes, liveBytes) = EngineContext.withCurrent { ($0.limitElements, $0.limitBytes, $0.liveBytes) }
        if elements > limitElements {
            throw TorchError.memory("tensor of \(elements) elements exceeds the limit of \(limitElements) elements per tensor")
        }
        let bytes = elements.multipliedReportingOverflow(by: dtype.itemSize)
        if bytes.overflow || liveBytes + bytes.partialValue > limitBytes {
            throw TorchError.memory("allocating \(elements) elements would exceed the tensor memory limit of \(limitBytes) bytes")
        }
    }
}
