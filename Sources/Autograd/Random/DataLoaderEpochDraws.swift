/// What one `iter(DataLoader)` takes from the global generator
/// (torch-fidelity.md §3.5): the worker base seed, then, with
/// `shuffle=True`, the RandomSampler's seed and its private permutation.
public struct DataLoaderEpochDraws: Equatable, Sendable {
    /// `_base_seed`: `random_()` on an int64 scalar.
    public let baseSeed: Int64
    /// The sample order for `shuffle=True`; nil for sequential sampling.
    public let order: [Int64]?
}

extension TorchGenerator {
    /// Performs the draws of starting one DataLoader epoch over `count`
    /// samples. Call it when the `for` loop starts, even with shuffle off.
    public func dataLoaderEpoch(count: Int, shuffle: Bool) -> DataLoaderEpochDraws {
        let baseSeed = randomFullInt64(count: 1)[0]
        guard shuffle else { return DataLoaderEpochDraws(baseSeed: baseSeed, order: nil) }
        let samplerSeed = randomFullInt64(count: 1)[0]
        let sampler = TorchGenerator(seed: UInt64(bitPattern: samplerSeed))
        return DataLoaderEpochDraws(baseSeed: baseSeed, order: sampler.randperm(count))
    }
}
