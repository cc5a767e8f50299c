/// The flat buffer behind one or more tensors (views share it).
///
/// Exactly one array is in use, chosen by `dtype`: float32 in `f32`, float64
/// in `f64`, the integer types in `i64`, bool in `bools`. Keeping typed arrays
/// (rather than one `[Double]`) lets float32 math round like PyTorch's and
/// lets BLAS read the buffer without conversion.
/// The hot properties of Storage, Tensor and Node are `@exclusivity(unchecked)`:
/// every op reads and writes them, the engine never holds overlapping accesses,
/// and the runtime checks were a fifth of the cost of a small op.
public final class Storage {
    public let dtype: DType
    @exclusivity(unchecked) public var f32: [Float] = []
    @exclusivity(unchecked) public var f64: [Double] = []
    @exclusivity(unchecked) public var i64: [Int64] = []
    @exclusivity(unchecked) public var bools: [Bool] = []
    /// Bumped by every in-place write; autograd compares it with the version
    /// a saved tensor had when it was saved.
    @exclusivity(unchecked) public internal(set) var version = 0
    /// The context whose memory count this storage is charged to, and the
    /// bytes charged. Storages of a few elements are not counted: they cost
    /// the context a retain for nothing a memory limit could notice (the
    /// process memory limit still sees millions of them).
    private var context: EngineContext?
    private var chargedBytes = 0
    static let uncountedBytes = 64

    @inline(__always)
    private func charge(_ bytes: Int) {
        guard bytes > Storage.uncountedBytes else { return }
        let context = EngineContext.current
        context.liveBytes += bytes
        self.context = context
        chargedBytes = bytes
    }

    public var count: Int {
        switch dtype {
        case .float32: return f32.count
        case .float64: return f64.count
        case .int64, .int32: return i64.count
        case .bool: return bools.count
        }
    }

    public init(zeros count: Int, dtype: DType) {
        self.dtype = dtype
        if count == 1 {
            // Literals: a one-element buffer made by the literal path skips the
            // runtime's generic metadata lookup that `init(repeating:count:)` pays.
            switch dtype {
            case .float32: f32 = [0]
            case .float64: f64 = [0]
            case .int64, .int32: i64 = [0]
            case .bool: bools = [false]
            }
            return
        }
        switch dtype {
        case .float32: f32 = [Float](repeating: 0, count: count)
        case .float64: f64 = [Double](repeating: 0, count: count)
        case .int64, .int32: i64 = [Int64](repeating: 0, count: count)
        case .bool: bools = [Bool](repeating: false, count: count)
        }
        charge(count * dtype.itemSize)
    }

    public init(_ values: [Float]) { dtype = .float32; f32 = values; charge(values.count * 4) }
    public init(_ values: [Double]) { dtype = .float64; f64 = values; charge(values.count * 8) }
    public init(_ values: [Int64], dtype: DType = .int64) {
        self.dtype = dtype
        i64 = values
        charge(values.count * dtype.itemSize)
    }
    public init(_ values: [Bool]) { dtype = .bool; bools = values; charge(values.count) }

    deinit { context?.liveBytes -= chargedBytes }

    /// Reads element `i` widened to Double (exact for float32, int32 and ints up to 2^53).
    @inline(__always)
    public func double(_ i: Int) -> Double {
        switch dtype {
        case .float32: return Double(f32[i])
        case .float64: return f64[i]
        case .int64, .int32: return Double(i64[i])
        case .bool: return bools[i] ? 1 : 0
        }
    }

    /// Writes element `i` from a Double, rounding/truncating/wrapping as PyTorch's casts do.
    @inline(__always)
    public func setDouble(_ i: Int, _ v: Double) {
        switch dtype {
        case .float32: f32[i] = Float(v)
        case .float64: f64[i] = v
        case .int64: i64[i] = DType.truncatingInt64(v)
        case .int32: i64[i] = Int64(Int32(truncatingIfNeeded: DType.truncatingInt64(v)))
        case .bool: bools[i] = v != 0
        }
    }

    @inline(__always)
    public func int64(_ i: Int) -> Int64 {
        switch dtype {
        case .int64, .int32: return i64[i]
        case .bool: return bools[i] ? 1 : 0
        case .float32: return DType.truncatingInt64(Double(f32[i]))
        case .float64: return DType.truncatingInt64(f64[i])
        }
    }

    public func bumpVersion() { version += 1 }
}

extension DType {
    /// C-style truncation toward zero; NaN and out-of-range values saturate
    /// instead of trapping (PyTorch's result there is unspecified).
    @inline(__always)
    static func truncatingInt64(_ v: Double) -> Int64 {
        if v.isNaN { return Int64.min }
        if v >= 9.2233720368547758e18 { return Int64.max }
        if v <= -9.2233720368547758e18 { return Int64.min }
        return Int64(v.rounded(.towardZero))
    }
}
