/// Bounds on what one cell may do, so a hostile notebook ends with a clear
/// error instead of a hang, a crash or an out-of-memory kill.
public struct Limits: Equatable, Sendable {
    /// Wall-clock seconds per cell.
    public var timeoutSeconds: Double = 30
    /// Elements in any one tensor.
    public var maxTensorElements: Int = 100_000_000
    /// Bytes held by all live tensors created by the notebook.
    public var maxTensorBytes: Int = 2 << 30
    /// Resident memory of the whole process (every notebook it runs at once):
    /// past it the running cell ends with MemoryError instead of the system
    /// killing the process.
    public var maxMemoryBytes: Int = 6 << 30
    /// Python call depth (CPython's default recursion limit).
    public var maxRecursionDepth: Int = 1000
    /// Characters in one string, items in one list/dict/set.
    public var maxContainerSize: Int = 50_000_000
    /// Generators started and not yet finished, per session: each holds a
    /// thread, and a process has only tens of thousands of them.
    public var maxSuspendedGenerators: Int = 4096
    public init() {}
    public static let `default` = Limits()
}
