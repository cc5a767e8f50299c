/// PyTorch's CPU generator (`CPUGeneratorImpl`): an MT19937 engine seeded
/// from the low 32 bits of a 64-bit seed, plus the single cached Box–Muller
/// normal that the small-tensor normal path leaves behind
/// (torch-fidelity.md §3.1, §3.4.1).
///
/// The sampling functions live in extensions, one file per distribution.
public final class TorchGenerator {
    /// The seed of a generator nobody seeded: `torch.initial_seed()` in a
    /// fresh PyTorch process (`default_rng_seed_val`).
    public static let defaultSeed: UInt64 = 67_280_421_310_721

    /// The generator that `torch.manual_seed` and every sampling function
    /// without `generator=` use: one per engine context (per notebook session).
    public static var `default`: TorchGenerator { EngineContext.current.generator }

    /// The seed as given to `manualSeed`, all 64 bits (`torch.initial_seed()`).
    public private(set) var initialSeed: UInt64
    private var engine: MersenneTwister19937
    /// The second value of the last scalar Box–Muller pair, shared by float32
    /// and float64 requests; only seeding or restoring a state clears it.
    var cachedNormal: Double?

    public init(seed: UInt64 = TorchGenerator.defaultSeed) {
        initialSeed = seed
        engine = MersenneTwister19937(seed: UInt32(truncatingIfNeeded: seed))
        cachedNormal = nil
    }

    /// `torch.manual_seed(seed)` / `Generator.manual_seed`. Python callers
    /// convert the int first: negative values wrap modulo 2^64.
    public func manualSeed(_ seed: UInt64) {
        initialSeed = seed
        engine = MersenneTwister19937(seed: UInt32(truncatingIfNeeded: seed))
        cachedNormal = nil
    }

    /// One 32-bit draw (`random()`).
    public func random() -> UInt32 {
        engine.next()
    }

    /// Two 32-bit draws, the first one the high word (`random64()`).
    public func random64() -> UInt64 {
        engine.next64()
    }

    /// Runs `body` with the engine borrowed once, so a fill pays one
    /// exclusivity check rather than one per draw. `body` must draw only
    /// through its argument.
    @inline(__always)
    func withEngine<R>(_ body: (inout MersenneTwister19937) throws -> R) rethrows -> R {
        try body(&engine)
    }

    /// Everything `torch.get_rng_state()` captures: engine, seed and the
    /// cached normal. A value type, so saving is a cheap copy.
    public struct State: Sendable {
        fileprivate let engine: MersenneTwister19937
        fileprivate let initialSeed: UInt64
        fileprivate let cachedNormal: Double?
    }

    /// `torch.get_rng_state()`.
    public var state: State {
        State(engine: engine, initialSeed: initialSeed, cachedNormal: cachedNormal)
    }

    /// `torch.set_rng_state(state)`.
    public func restore(_ state: State) {
        engine = state.engine
        initialSeed = state.initialSeed
        cachedNormal = state.cachedNormal
    }

    /// An independent generator in the same state (`Generator().set_state(g.get_state())`).
    public func clone() -> TorchGenerator {
        let copy = TorchGenerator(seed: initialSeed)
        copy.restore(state)
        return copy
    }
}
