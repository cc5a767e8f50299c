import CEngineSupport

/// The engine's mutable settings — grad mode, the default random generator,
/// print options, memory limits — scoped to the thread that installed them.
/// Each notebook session runs on its own thread with its own context, so
/// notebooks checked in parallel cannot see each other's `manual_seed` or
/// `no_grad`. Threads that install nothing share one process-wide context.
public final class EngineContext {
    @exclusivity(unchecked) public var gradEnabled = true
    @exclusivity(unchecked) public var generator = TorchGenerator()
    @exclusivity(unchecked) public var printOptions = PrintOptions()
    /// `torch.set_default_dtype`.
    @exclusivity(unchecked) public var defaultFloat: DType = .float32
    /// Bytes held by live storages created under this context.
    @exclusivity(unchecked) public internal(set) var liveBytes = 0
    @exclusivity(unchecked) public var limitBytes = Int.max
    @exclusivity(unchecked) public var limitElements = Int.max
    /// Numbers the backward passes run under this context (marks visited nodes).
    @exclusivity(unchecked) var backwardPasses = 0
    /// Ids handed out to gradient hooks (`register_hook`).
    @exclusivity(unchecked) var hooksRegistered = 0
    /// Serial numbers handed out on request (the cell language numbers its
    /// objects with them for identity hashes, `id()` and default reprs, so
    /// those are the same on every run instead of following memory addresses).
    @exclusivity(unchecked) private var serialsIssued = 0

    /// The next serial number of the calling thread's context.
    public static func nextSerial() -> Int {
        withCurrent { context in
            context.serialsIssued += 1
            return context.serialsIssued
        }
    }
    /// Whether recorded ops remember the tensor they produced (`Node.output`),
    /// which computation-graph figures need to show intermediate values. Off
    /// by default: the weak back-reference costs every op's result a side
    /// table and slow-path reference counting.
    @exclusivity(unchecked) public var keepsOperationOutputs = false
    /// Forward-mode AD's open dual level and the tensors given tangents in it.
    var forwardAD = ForwardADState()
    /// Buffers a backward pass's topological sort reuses (taken while in use,
    /// so a backward run from a hook inside another gets fresh ones).
    private var scratchOrder: [Unmanaged<Node>] = []
    private var scratchStack: [(Unmanaged<Node>, Int)] = []

    func takeScratch() -> [Unmanaged<Node>] { Self.take(&scratchOrder) }
    func returnScratch(_ buffer: inout [Unmanaged<Node>]) { Self.give(&buffer, back: &scratchOrder) }
    func takeStack() -> [(Unmanaged<Node>, Int)] { Self.take(&scratchStack) }
    func returnStack(_ buffer: inout [(Unmanaged<Node>, Int)]) { Self.give(&buffer, back: &scratchStack) }

    /// Moves a reused buffer out, leaving an empty one (no copy).
    private static func take<T>(_ slot: inout [T]) -> [T] {
        var taken: [T] = []
        swap(&taken, &slot)
        return taken
    }

    /// Keeps the larger of two buffers, emptied but with its capacity.
    private static func give<T>(_ buffer: inout [T], back slot: inout [T]) {
        guard buffer.capacity > slot.capacity else { return }
        swap(&buffer, &slot)
        slot.removeAll(keepingCapacity: true)
    }

    public init() { HeapTuning.applied }

    nonisolated(unsafe) private static let shared = EngineContext()
    /// `shared` as a raw pointer, so reading it costs no reference counting.
    nonisolated(unsafe) private static let sharedPointer = Unmanaged.passUnretained(shared).toOpaque()

    /// The calling thread's context as a raw pointer. A thread that installed
    /// none gets `shared`, remembered in its slot so the next read is one load.
    @inline(__always)
    private static var currentPointer: UnsafeMutableRawPointer {
        if let raw = litgrad_engine_slot_get() { return raw }
        let raw = sharedPointer
        litgrad_engine_slot_set(raw)
        return raw
    }

    /// The context of the calling thread.
    @inline(__always)
    public static var current: EngineContext {
        Unmanaged<EngineContext>.fromOpaque(currentPointer).takeUnretainedValue()
    }

    /// Runs `body` on the calling thread's context without retaining it: the
    /// hot flags (grad mode, forward AD, memory limits) are read on every op.
    @inline(__always)
    static func withCurrent<R>(_ body: (EngineContext) throws -> R) rethrows -> R {
        try Unmanaged<EngineContext>.fromOpaque(currentPointer)._withUnsafeGuaranteedRef(body)
    }

    /// Makes `context` current on this thread until `body` returns. The caller
    /// keeps the context alive; it is not retained here.
    public static func with<T>(_ context: EngineContext, _ body: () throws -> T) rethrows -> T {
        let previous = litgrad_engine_slot_get()
        litgrad_engine_slot_set(Unmanaged.passUnretained(context).toOpaque())
        defer { litgrad_engine_slot_set(previous) }
        return try body()
    }
}

/// The per-context state of forward-mode AD (see `ForwardAD`).
struct ForwardADState {
    var level: Int? = nil
    var isActive = false
    var duals: [WeakTensor] = []
}
