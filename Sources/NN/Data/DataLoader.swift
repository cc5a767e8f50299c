import Autograd

/// `torch.utils.data.DataLoader(dataset, batch_size, shuffle, drop_last,
/// generator)` in the main process. Each epoch (`iter(loader)`) draws
/// PyTorch's worker base seed from the generator first, even without
/// shuffling; with `shuffle=True` the first batch then draws the sampler's
/// seed and takes `randperm` from a private generator (torch-fidelity §3.5).
public final class DataLoader {
    public let dataset: Dataset
    /// nil is `batch_size=None`: items are yielded one by one, unbatched.
    public let batchSize: Int?
    public let shuffle: Bool
    public let dropLast: Bool
    /// `generator=`: used instead of the global generator for every draw.
    public let generator: TorchGenerator?

    public init(_ dataset: Dataset, batchSize: Int? = 1, shuffle: Bool = false, dropLast: Bool = false,
                generator: TorchGenerator? = nil) throws {
        if let batchSize, batchSize <= 0 {
            throw TorchError.value("batch_size should be a positive integer value, but got batch_size=\(batchSize)")
        }
        if batchSize == nil && dropLast {
            throw TorchError.value("batch_size=None option disables auto-batching and is mutually exclusive with drop_last")
        }
        self.dataset = dataset
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.dropLast = dropLast
        self.generator = generator
    }

    /// `len(loader)`: the number of batches of an epoch.
    public var count: Int {
        let n = dataset.count
        guard let batchSize else { return n }
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize
    }

    /// `iter(loader)`: starts an epoch, drawing the base seed now.
    public func epoch() -> DataLoaderEpoch {
        DataLoaderEpoch(loader: self)
    }
}

/// One pass over a DataLoader. `nextBatch()` yields each batch as the tuple
/// of stacked fields, then nil.
public final class DataLoaderEpoch {
    public let loader: DataLoader
    /// The worker base seed PyTorch drew for this epoch.
    public let baseSeed: Int64
    private var order: [Int]?
    private var position = 0
    private var samplerExhausted = false

    init(loader: DataLoader) {
        self.loader = loader
        let generator = loader.generator ?? TorchGenerator.default
        baseSeed = generator.randomFullInt64(count: 1)[0]
    }

    /// The sample order, drawn when the first batch is requested (PyTorch's
    /// sampler is a Python generator that starts on the first `next`).
    private func sampleOrder() -> [Int] {
        if let order { return order }
        let n = loader.dataset.count
        var drawn: [Int]
        if loader.shuffle {
            let sampler: TorchGenerator
            if let g = loader.generator {
                sampler = g
            } else {
                let seed = TorchGenerator.default.randomFullInt64(count: 1)[0]
                sampler = TorchGenerator(seed: UInt64(bitPattern: seed))
            }
            drawn = sampler.randperm(n).map { Int($0) }
        } else {
            drawn = Array(0..<n)
        }
        order = drawn
        return drawn
    }

    /// The indices of the next batch, or nil at the end of the epoch.
    public func nextIndices() -> [Int]? {
        let order = sampleOrder()
        let size = loader.batchSize ?? 1
        let end = min(position + size, order.count)
        // PyTorch's batch sampler reads past the last index whenever a batch
        // comes up short; that is when the sampler's generator finishes.
        if end - position < size { exhaustSampler() }
        guard position < order.count, !(loader.dropLast && end - position < size) else { return nil }
        let indices = Array(order[position..<end])
        position = end
        return indices
    }

    /// RandomSampler ends with a second `randperm(n)` whose slice `[:0]` it
    /// discards; only a user-supplied generator shows those draws.
    private func exhaustSampler() {
        guard !samplerExhausted else { return }
        samplerExhausted = true
        if loader.shuffle, let g = loader.generator { _ = g.randperm(loader.dataset.count) }
    }

    /// The next batch, collated; nil at the end of the epoch.
    public func nextBatch() throws -> [Tensor]? {
        guard let indices = nextIndices() else { return nil }
        if loader.batchSize == nil { return try loader.dataset.item(indices[0]) }
        if let tensors = loader.dataset as? TensorDataset { return try tensors.batch(indices) }
        return try Collate.batch(indices.map { try loader.dataset.item($0) })
    }
}

/// `torch.utils.data.random_split(dataset, lengths, generator)`: one
/// `randperm(len)` cut into consecutive subsets. Fractions summing to 1 are
/// turned into lengths as PyTorch does (floor, then the remainder round-robin).
public func randomSplit(_ dataset: Dataset, lengths: [Double], generator: TorchGenerator = .default) throws -> [Subset] {
    var sizes: [Int]
    let total = lengths.reduce(0, +)
    if Swift.abs(total - 1) <= 1e-9 * Swift.max(1, Swift.abs(total)) && total <= 1 {
        sizes = []
        for (i, fraction) in lengths.enumerated() {
            guard fraction >= 0 && fraction <= 1 else { throw TorchError.value("Fraction at index \(i) is not between 0 and 1") }
            sizes.append(Int((Double(dataset.count) * fraction).rounded(.down)))
        }
        let remainder = dataset.count - sizes.reduce(0, +)
        if !sizes.isEmpty { for i in 0..<max(remainder, 0) { sizes[i % sizes.count] += 1 } }
    } else {
        sizes = lengths.map { Int($0) }
    }
    guard sizes.reduce(0, +) == dataset.count else {
        throw TorchError.value("Sum of input lengths does not equal the length of the input dataset!")
    }
    let permutation = generator.randperm(dataset.count).map { Int($0) }
    var result: [Subset] = []
    var offset = 0
    for size in sizes {
        result.append(Subset(dataset, indices: Array(permutation[offset..<(offset + size)])))
        offset += size
    }
    return result
}
