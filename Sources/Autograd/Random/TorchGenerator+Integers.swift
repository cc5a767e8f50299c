/// Integer draws: `torch.randint`, `Tensor.random_`, `torch.randperm`
/// (torch-fidelity.md §3.3, §3.5).
extension TorchGenerator {
    /// `randint(low, high, (count,))` and `random_(low, high)`: each value is
    /// `draw mod (high - low) + low`, no rejection, with a 64-bit draw only
    /// when the range needs it. Requires `low < high` (the caller raises
    /// PyTorch's error otherwise); the result is cast by the caller for
    /// other dtypes.
    public func randint(low: Int64, high: Int64, count: Int) -> [Int64] {
        let range = UInt64(bitPattern: high) &- UInt64(bitPattern: low)
        let base = UInt64(bitPattern: low)
        let wide = range >= 1 << 32
        return withEngine { engine in
            [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count {
                    let draw = wide ? engine.next64() : UInt64(engine.next())
                    buffer[i] = Int64(bitPattern: draw % range &+ base)
                }
                initialized = count
            }
        }
    }

    /// `Tensor.random_()` with no bounds on int64: `random64() mod 2^63`.
    public func randomFullInt64(count: Int) -> [Int64] {
        withEngine { engine in (0..<count).map { _ in Int64(bitPattern: engine.next64() & (1 << 63 - 1)) } }
    }

    /// `Tensor.random_()` with no bounds on float32: `random() mod (2^24 + 1)`.
    public func randomFullFloat32(count: Int) -> [Float] {
        withEngine { engine in (0..<count).map { _ in Float(UInt64(engine.next()) % (1 << 24 + 1)) } }
    }

    /// `Tensor.random_()` with no bounds on float64: `random64() mod (2^53 + 1)`.
    public func randomFullFloat64(count: Int) -> [Double] {
        withEngine { engine in (0..<count).map { _ in Double(engine.next64() % (1 << 53 + 1)) } }
    }

    /// `torch.randperm(n)`: a forward Fisher–Yates shuffle of 0..<n with
    /// `random() mod (n - i)` (a 64-bit draw for huge n, as PyTorch does).
    public func randperm(_ n: Int) -> [Int64] {
        var order = (0..<Int64(max(n, 0))).map { $0 }
        guard n > 1 else { return order }
        let wide = UInt64(n) >= UInt64(UInt32.max) / 20
        withEngine { engine in
            order.withUnsafeMutableBufferPointer { a in
                for i in 0..<(n - 1) {
                    let remaining = UInt64(n - i)
                    let draw = wide ? engine.next64() : UInt64(engine.next())
                    a.swapAt(i, i + Int(draw % remaining))
                }
            }
        }
        return order
    }
}
