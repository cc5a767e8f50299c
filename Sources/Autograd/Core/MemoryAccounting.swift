/// Counts the bytes held by live tensor storages, so the interpreter can end
/// a cell that builds a memory bomb before the process is killed.
public enum MemoryAccounting {
    nonisolated(unsafe) public private(set) static var liveBytes = 0
    /// Upper bound on `liveBytes`; creation beyond it throws a `TorchError`.
    nonisolated(unsafe) public static var limitBytes = Int.max
    /// Upper bound on the elements of one tensor.
    nonisolated(unsafe) public static var limitElements = Int.max

    static func allocated(bytes: Int) { liveBytes += bytes }
    static func released(bytes: Int) { liveBytes -= bytes }

    /// Throws before allocating a tensor that would break a limit.
    public static func check(elements: Int, dtype: DType) throws {
        if elements > limitElements {
            throw TorchError.memory("tensor of \(elements) elements exceeds the limit of \(limitElements) elements per tensor")
        }
        let bytes = elements.multipliedReportingOverflow(by: dtype.itemSize)
        if bytes.overflow || liveBytes + bytes.partialValue > limitBytes {
            throw TorchError.memory("allocating \(elements) elements would exceed the tensor memory limit of \(limitBytes) bytes")
        }
    }
}
