/// The flat buffer behind one or more tensors (views share it).
///
/// Exactly one array is in use, chosen by `dtype`: float32 in `f32`, float64
/// in `f64`, the integer types in `i64`, bool in `bools`. Keeping typed arrays
/// (rather than one `[Double]`) lets float32 math round like PyTorch's and
/// lets BLAS read the buffer without conversion.
///
/// A storage of one element keeps it inline instead (`single`): scalars are
/// most of what a scalar lesson allocates, and an array would be a second heap
/// object per tensor. The array properties still read and write such a storage
/// (through a one-element array); hot paths use `element(_:as:)` and
/// `withElements`/`withMutableElements`, which never build one.
///
/// The hot properties of Storage, Tensor and Node are `@exclusivity(unchecked)`:
/// every op reads and writes them, the engine never holds overlapping accesses,
/// and the runtime checks were a fifth of the cost of a small op.
public final class Storage {
    public let dtype: DType
    /// Whether the one element lives in `single` (its bit pattern) rather than in an array.
    @exclusivity(unchecked) private var holdsSingle = false
    @exclusivity(unchecked) private var single: UInt64 = 0
    @exclusivity(unchecked) fileprivate var f32Array: [Float] = []
    @exclusivity(unchecked) fileprivate var f64Array: [Double] = []
    @exclusivity(unchecked) fileprivate var i64Array: [Int64] = []
    @exclusivity(unchecked) fileprivate var boolArray: [Bool] = []
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
        if holdsSingle { return 1 }
        switch dtype {
        case .float32: return f32Array.count
        case .float64: return f64Array.count
        case .int64, .int32: return i64Array.count
        case .bool: return boolArray.count
        }
    }

    public init(zeros count: Int, dtype: DType) {
        self.dtype = dtype
        if count == 1 {
            holdsSingle = true   // all-zero bits: 0, 0.0 or false in every dtype
            return
        }
        switch dtype {
        case .float32: f32Array = [Float](repeating: 0, count: count)
        case .float64: f64Array = [Double](repeating: 0, count: count)
        case .int64, .int32: i64Array = [Int64](repeating: 0, count: count)
        case .bool: boolArray = [Bool](repeating: false, count: count)
        }
        charge(count * dtype.itemSize)
    }

    /// A one-element storage holding `value` (which must be `dtype`'s element type).
    @inline(__always)
    convenience init<T: StorageElement>(single value: T, dtype: DType) {
        self.init(singleBits: value.storageBits, dtype: dtype)
    }

    /// A one-element storage holding an element's bit pattern (as `StorageElement.storageBits` gives it).
    init(singleBits: UInt64, dtype: DType) {
        self.dtype = dtype
        holdsSingle = true
        single = singleBits
    }

    public init(_ values: [Float]) { dtype = .float32; f32Array = values; charge(values.count * 4) }
    public init(_ values: [Double]) { dtype = .float64; f64Array = values; charge(values.count * 8) }
    public init(_ values: [Int64], dtype: DType = .int64) {
        self.dtype = dtype
        i64Array = values
        charge(values.count * dtype.itemSize)
    }
    public init(_ values: [Bool]) { dtype = .bool; boolArray = values; charge(values.count) }

    deinit { context?.liveBytes -= chargedBytes }

    // MARK: typed arrays

    public var f32: [Float] {
        get { holdsSingle ? singleArray() : f32Array }
        set { replace(newValue, in: \.f32Array) }
        _modify {
            if holdsSingle { var a: [Float] = singleArray(); yield &a; replace(a, in: \.f32Array) } else { yield &f32Array }
        }
    }
    public var f64: [Double] {
        get { holdsSingle ? singleArray() : f64Array }
        set { replace(newValue, in: \.f64Array) }
        _modify {
            if holdsSingle { var a: [Double] = singleArray(); yield &a; replace(a, in: \.f64Array) } else { yield &f64Array }
        }
    }
    public var i64: [Int64] {
        get { holdsSingle ? singleArray() : i64Array }
        set { replace(newValue, in: \.i64Array) }
        _modify {
            if holdsSingle { var a: [Int64] = singleArray(); yield &a; replace(a, in: \.i64Array) } else { yield &i64Array }
        }
    }
    public var bools: [Bool] {
        get { holdsSingle ? singleArray() : boolArray }
        set { replace(newValue, in: \.boolArray) }
        _modify {
            if holdsSingle { var a: [Bool] = singleArray(); yield &a; replace(a, in: \.boolArray) } else { yield &boolArray }
        }
    }

    /// The inline element as a one-element array of `T`; empty when `T` is
    /// not this storage's element type (as the unused arrays are).
    private func singleArray<T: StorageElement>() -> [T] {
        T.isElement(of: dtype) ? [T(storageBits: single)] : []
    }

    /// Stores a whole new array, going back inline when it has one element.
    private func replace<T: StorageElement>(_ values: [T], in array: ReferenceWritableKeyPath<Storage, [T]>) {
        guard T.isElement(of: dtype) else { self[keyPath: array] = values; return }   // an unused array, as before
        if values.count == 1 {
            self[keyPath: array] = []
            single = values[0].storageBits
            holdsSingle = true
        } else {
            holdsSingle = false
            self[keyPath: array] = values
        }
    }

    // MARK: element access without arrays

    /// Element `i` as `T`, which must be this storage's element type.
    @inline(__always)
    func element<T: StorageElement>(_ i: Int, as _: T.Type) -> T {
        holdsSingle ? T(storageBits: single) : T.array(of: self)[i]
    }

    /// Runs `body` over the elements, as `T` (this storage's element type).
    @inline(__always)
    func withElements<T: StorageElement, R>(as _: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        if holdsSingle {
            let value = T(storageBits: single)
            return try withUnsafePointer(to: value) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
        }
        return try T.array(of: self).withUnsafeBufferPointer(body)
    }

    /// Runs `body` over the elements for writing, as `T` (this storage's element type).
    @inline(__always)
    func withMutableElements<T: StorageElement, R>(as _: T.Type, _ body: (UnsafeMutableBufferPointer<T>) throws -> R) rethrows -> R {
        if holdsSingle {
            var value = T(storageBits: single)
            defer { single = value.storageBits }
            return try withUnsafeMutablePointer(to: &value) { try body(UnsafeMutableBufferPointer(start: $0, count: 1)) }
        }
        return try T.withMutableArray(of: self) { array in try array.withUnsafeMutableBufferPointer { try body($0) } }
    }

    /// The float elements for writing, for other modules (not generic over a
    /// result, so calls from another module stay specialized).
    public func withMutableFloats(_ body: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        try withMutableElements(as: Float.self, body)
    }
    public func withMutableDoubles(_ body: (UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows {
        try withMutableElements(as: Double.self, body)
    }

    /// Reads element `i` widened to Double (exact for float32, int32 and ints up to 2^53).
    @inline(__always)
    public func double(_ i: Int) -> Double {
        switch dtype {
        case .float32: return Double(element(i, as: Float.self))
        case .float64: return element(i, as: Double.self)
        case .int64, .int32: return Double(element(i, as: Int64.self))
        case .bool: return element(i, as: Bool.self) ? 1 : 0
        }
    }

    /// Writes element `i` from a Double, rounding/truncating/wrapping as PyTorch's casts do.
    @inline(__always)
    public func setDouble(_ i: Int, _ v: Double) {
        switch dtype {
        case .float32: set(i, Float(v))
        case .float64: set(i, v)
        case .int64: set(i, DType.truncatingInt64(v))
        case .int32: set(i, Int64(Int32(truncatingIfNeeded: DType.truncatingInt64(v))))
        case .bool: set(i, v != 0)
        }
    }

    /// Writes element `i` as `T`, which must be this storage's element type.
    @inline(__always)
    func set<T: StorageElement>(_ i: Int, _ value: T) {
        if holdsSingle { single = value.storageBits } else { T.withMutableArray(of: self) { $0[i] = value } }
    }

    @inline(__always)
    public func int64(_ i: Int) -> Int64 {
        switch dtype {
        case .int64, .int32: return element(i, as: Int64.self)
        case .bool: return element(i, as: Bool.self) ? 1 : 0
        case .float32: return DType.truncatingInt64(Double(element(i, as: Float.self)))
        case .float64: return DType.truncatingInt64(element(i, as: Double.self))
        }
    }

    public func bumpVersion() { version += 1 }
}

// The backing arrays for generic code (`StorageElement`), kept in this file
// because the arrays are private to it.
extension Float {
    @inline(__always) static func array(of s: Storage) -> [Float] { s.f32Array }
    @inline(__always) static func withMutableArray<R>(of s: Storage, _ body: (inout [Float]) throws -> R) rethrows -> R { try body(&s.f32Array) }
}
extension Double {
    @inline(__always) static func array(of s: Storage) -> [Double] { s.f64Array }
    @inline(__always) static func withMutableArray<R>(of s: Storage, _ body: (inout [Double]) throws -> R) rethrows -> R { try body(&s.f64Array) }
}
extension Int64 {
    @inline(__always) static func array(of s: Storage) -> [Int64] { s.i64Array }
    @inline(__always) static func withMutableArray<R>(of s: Storage, _ body: (inout [Int64]) throws -> R) rethrows -> R { try body(&s.i64Array) }
}
extension Bool {
    @inline(__always) static func array(of s: Storage) -> [Bool] { s.boolArray }
    @inline(__always) static func withMutableArray<R>(of s: Storage, _ body: (inout [Bool]) throws -> R) rethrows -> R { try body(&s.boolArray) }
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
