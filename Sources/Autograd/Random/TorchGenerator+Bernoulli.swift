/// Bernoulli draws and dropout (torch-fidelity.md §3.5).
extension TorchGenerator {
    /// `Tensor.bernoulli_(p)` with a scalar probability: `uniform64() < p`,
    /// two draws per element.
    public func bernoulli(count: Int, p: Double) -> [Bool] {
        withEngine { engine in (0..<count).map { _ in engine.unitFloat64() < p } }
    }

    /// `torch.bernoulli(probabilities)` on a float32 tensor:
    /// `uniform32() < p`, one draw per element.
    public func bernoulli(probabilities: [Float]) -> [Bool] {
        withEngine { engine in probabilities.map { engine.unitFloat32() < $0 } }
    }

    /// `torch.bernoulli(probabilities)` on a float64 tensor:
    /// `uniform64() < p`, two draws per element.
    public func bernoulli(probabilities: [Double]) -> [Bool] {
        withEngine { engine in probabilities.map { engine.unitFloat64() < $0 } }
    }

    /// The float32 multiplier that `F.dropout(x, p, training=True)` applies
    /// elementwise (`out = fl(x * noise)`): `bernoulli_(1 - p)` divided by
    /// `fl32(1 - p)`. PyTorch draws nothing when p is 0 (it returns x) or 1
    /// (it multiplies by zero); the all-ones and all-zeros noise here gives
    /// the same products.
    public func dropoutNoise(count: Int, p: Double) -> [Float] {
        if p == 0 { return [Float](repeating: 1, count: count) }
        if p == 1 { return [Float](repeating: 0, count: count) }
        let keep = 1 - p
        let scale = Float(keep)
        return withEngine { engine in (0..<count).map { _ in (engine.unitFloat64() < keep ? 1 : 0) / scale } }
    }

    /// `F.dropout(x, p, training=True)` on float32 values.
    public func dropout(_ values: [Float], p: Double) -> [Float] {
        let noise = dropoutNoise(count: values.count, p: p)
        return zip(values, noise).map { $0 * $1 }
    }
}
