// Categorical sampling (`torch.multinomial`) and `exponential_`, drawing from
// PyTorch's generator streams exactly as its CPU kernels do.

extension Tensor {
    /// `exponential_(lambd)` in place: each value −1/λ · log1p(−u) rounded to the dtype.
    @discardableResult
    public func exponentialInPlace(lambda: Double = 1, generator: TorchGenerator = .default) throws -> Tensor {
        try checkInPlaceAllowed()
        guard lambda > 0, lambda.isFinite else {
            throw TorchError.runtime("exponential_ expects lambda > 0.0, but found lambda=\(lambda)")
        }
        let draws = generator.exponential(count: count, lambda: lambda)
        let values: Tensor
        switch dtype {
        case .float64: values = Tensor(storage: Storage(draws), shape: shape)
        case .float32: values = Tensor(storage: Storage(draws.map { Float($0) }), shape: shape)
        default: throw TorchError.runtime("\"exponential_cpu\" not implemented for '\(dtype.scalarTypeName)'")
        }
        try assign(values)
        return self
    }

    /// `torch.multinomial(p, num_samples, replacement)` for a 1-D (one distribution)
    /// or 2-D (one per row) tensor of non-negative weights; int64 indices.
    ///
    /// As PyTorch: one sample, or any number without replacement, is the argmax (or
    /// top k) of p / q with q ~ Exp(1) drawn for every element; several samples with
    /// replacement search a normalised running sum with one uniform each.
    public func multinomial(numSamples: Int, replacement: Bool = false, generator: TorchGenerator = .default) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TorchError.runtime("multinomial only supports floating-point dtypes for input, got: \(dtype.scalarTypeName)")
        }
        guard dim == 1 || dim == 2 else { throw TorchError.runtime("prob_dist must be 1 or 2 dim") }
        guard numSamples > 0 else { throw TorchError.runtime("cannot sample n_sample <= 0 samples") }
        let categories = shape[dim - 1]
        guard replacement || numSamples <= categories else {
            throw TorchError.runtime("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
        }
        let rows = dim == 2 ? shape[0] : 1
        let outShape = dim == 2 ? [rows, numSamples] : [numSamples]
        try MemoryAccounting.check(elements: rows * numSamples, dtype: .int64)
        let indices: [Int64]
        if dtype == .float64 {
            indices = try Self.multinomial(doubles(), rows: rows, categories: categories, samples: numSamples,
                                           replacement: replacement, generator: generator)
        } else {
            indices = try Self.multinomial(floats(), rows: rows, categories: categories, samples: numSamples,
                                           replacement: replacement, generator: generator)
        }
        return Tensor(storage: Storage(indices, dtype: .int64), shape: outShape)
    }

    private static func multinomial<T: BinaryFloatingPoint>(_ p: [T], rows: Int, categories: Int, samples: Int,
                                                            replacement: Bool, generator: TorchGenerator) throws -> [Int64] {
        guard categories > 0 else { throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
        if !replacement || samples == 1 {
            guard p.allSatisfy({ $0 >= 0 && $0 < .infinity }) else {
                throw TorchError.runtime("probability tensor contains either `inf`, `nan` or element < 0")
            }
            for r in 0..<rows where p[(r * categories)..<((r + 1) * categories)].allSatisfy({ $0 == 0 }) {
                throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)")
            }
            let q = generator.exponential(count: p.count)
            let ratio = (0..<p.count).map { p[$0] / T(q[$0]) }
            var out: [Int64] = []
            out.reserveCapacity(rows * samples)
            for r in 0..<rows {
                let row = ratio[(r * categories)..<((r + 1) * categories)]
                // Largest first; NaN counts as the largest, ties keep the lower index.
                let order = row.indices.sorted { a, b in
                    let x = row[a], y = row[b]
                    if x.isNaN || y.isNaN { return x.isNaN && !y.isNaN }
                    return x > y || (x == y && a < b)
                }
                out += order.prefix(samples).map { Int64($0 - r * categories) }
            }
            return out
        }
        var out: [Int64] = []
        out.reserveCapacity(rows * samples)
        for r in 0..<rows {
            let row = Array(p[(r * categories)..<((r + 1) * categories)])
            for v in row {
                guard v >= 0 else { throw TorchError.runtime("invalid multinomial distribution (encountering probability entry < 0)") }
                guard v.isFinite else {
                    throw TorchError.runtime("invalid multinomial distribution (encountering probability entry = infinity or NaN)")
                }
            }
            guard row.reduce(0, +) > 0 else { throw TorchError.runtime("invalid multinomial distribution (sum of probabilities <= 0)") }
            out += generator.sampleWithReplacement(row: row, samples: samples)
        }
        return out
    }
}
