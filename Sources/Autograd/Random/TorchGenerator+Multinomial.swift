import Foundation

/// Exponential draws and categorical sampling: `Tensor.exponential_`,
/// `torch.multinomial` (PyTorch 2.15's CPU kernels, verified against it).
extension TorchGenerator {
    /// `count` draws of `exponential_(lambd)` in double: −1/λ · log1p(−u) with u
    /// a 53-bit uniform (two draws each). The caller rounds to its dtype.
    public func exponential(count: Int, lambda: Double = 1) -> [Double] {
        let factor = -1 / lambda
        return withEngine { engine in (0..<count).map { _ in factor * Foundation.log1p(-engine.unitFloat64()) } }
    }

    /// `multinomial(p, n, replacement=True)` with n > 1, one row: the running sum
    /// of `row` in its own precision divided by the total, the last bucket set to
    /// 1, then a binary search for each 53-bit uniform (the first bucket whose
    /// cumulative value is not below it).
    func sampleWithReplacement<T: BinaryFloatingPoint>(row: [T], samples: Int) -> [Int64] {
        var cumulative = [T](repeating: 0, count: row.count)
        var total: T = 0
        for (j, v) in row.enumerated() {
            total += v
            cumulative[j] = total
        }
        for j in cumulative.indices { cumulative[j] /= total }
        cumulative[cumulative.count - 1] = 1
        return withEngine { engine in
            (0..<samples).map { _ in
                let u = engine.unitFloat64()
                var left = 0, right = cumulative.count
                while right > left {
                    let mid = left + (right - left) / 2
                    if Double(cumulative[mid]) < u { left = mid + 1 } else { right = mid }
                }
                return Int64(left)
            }
        }
    }
}
