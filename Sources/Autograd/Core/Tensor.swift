/// An N-dimensional array with autograd: a strided view of a `Storage`,
/// plus the links reverse-mode differentiation needs.
public final class Tensor {
    /// The elements. A one-element result of a hot op (`init(single:)`) has no
    /// storage until something asks for it: it keeps its value in `singleBits`
    /// (as `Storage` keeps a one-element buffer) and its dtype in
    /// `singleDType`, so a scalar op allocates one object instead of two.
    /// Nothing can have written such a tensor in place (that goes through
    /// its storage), so its version is 0 until the storage exists.
    public internal(set) var storage: Storage {
        @inline(__always) get { backing ?? makeStorage() }
        set { backing = newValue }
    }
    @exclusivity(unchecked) private var backing: Storage?
    @exclusivity(unchecked) private var singleBits: UInt64 = 0
    @exclusivity(unchecked) private var singleDType: DType = .float32
    public let shape: [Int]
    public let strides: [Int]
    public let offset: Int

    /// True for leaves the user asked gradients for, and for every result
    /// computed from them while grad mode is on.
    @exclusivity(unchecked) public internal(set) var requiresGrad: Bool
    /// The accumulated gradient of a leaf (or of a non-leaf after `retainGrad()`).
    @exclusivity(unchecked) public var grad: Tensor?
    /// The operation that produced this tensor (nil for leaves).
    @exclusivity(unchecked) public internal(set) var gradFn: Node?
    @exclusivity(unchecked) public internal(set) var retainsGrad = false
    /// Set by `nn.Parameter`; changes printing (`Parameter containing:`).
    @exclusivity(unchecked) public var isParameter = false
    /// A Python number turned into a tensor for arithmetic: lowest priority in
    /// type promotion, as in PyTorch.
    @exclusivity(unchecked) public internal(set) var isWrappedNumber = false
    /// The tensor this one is a view of (views share `storage`).
    @exclusivity(unchecked) public internal(set) var viewBase: Tensor?
    /// Fields few tensors use, out of line: most tensors are born and freed
    /// without touching them.
    @exclusivity(unchecked) private var extras: TensorExtras?
    private var writableExtras: TensorExtras {
        if let extras { return extras }
        let made = TensorExtras()
        extras = made
        return made
    }

    /// Forward-mode tangent (dual number part), when forward AD is active.
    public var tangent: Tensor? {
        get { extras?.tangent }
        set { if newValue != nil || extras != nil { writableExtras.tangent = newValue } }
    }
    /// A user-facing name for computation-graph figures (the variable it was bound to).
    public var label: String? {
        get { extras?.label }
        set { if newValue != nil || extras != nil { writableExtras.label = newValue } }
    }
    /// Gradient hooks of a leaf (a non-leaf's live on its `gradFn`).
    public internal(set) var gradientHooks: [GradientHook] {
        get { extras?.gradientHooks ?? [] }
        set { if !newValue.isEmpty || extras != nil { writableExtras.gradientHooks = newValue } }
    }
    /// For the alias an op's rule keeps of the op's own result
    /// (`outputForBackward`): the op's node, held weakly to avoid a cycle.
    /// Gradients through the alias flow into it, as through the result.
    var savedOutputOf: Node? {
        get { extras?.savedOutputOf }
        set { if newValue != nil || extras != nil { writableExtras.savedOutputOf = newValue } }
    }
    /// The language binding's object for this tensor, so the same box is
    /// reused while it lives: an unretained pointer, not a weak reference
    /// (which would give the box a side table and slow reference counting).
    /// The binding clears it when the box dies.
    public var boxed: UnsafeMutableRawPointer?

    public var dtype: DType { backing?.dtype ?? singleDType }
    public var dim: Int { shape.count }
    public var count: Int { Shape.count(shape) }
    public var isLeaf: Bool { gradFn == nil }
    /// The in-place write counter autograd checks saved tensors against:
    /// the storage's (shared by views and `detach()`), or for `.data` and its
    /// views a counter of their own, so writes through `.data` go unnoticed
    /// as in PyTorch.
    public var version: Int {
        if let counter = extras?.versionCounter { return counter.value }
        return backing?.version ?? 0
    }

    /// Counts an in-place write (see `version`).
    public func bumpVersion() {
        if let counter = extras?.versionCounter { counter.value += 1 } else { storage.bumpVersion() }
    }

    /// `.data`: this tensor's elements outside autograd, with a version counter of its own.
    public func dataAlias() -> Tensor {
        let alias = detach()
        alias.writableExtras.versionCounter = VersionCounter()
        return alias
    }

    /// Views share their base's separate counter, if it has one.
    func shareVersionCounter(from base: Tensor) {
        if let counter = base.extras?.versionCounter { writableExtras.versionCounter = counter }
    }

    public init(storage: Storage, shape: [Int], strides: [Int]? = nil, offset: Int = 0, requiresGrad: Bool = false) {
        backing = storage
        self.shape = shape
        self.strides = strides ?? Shape.contiguousStrides(shape)
        self.offset = offset
        self.requiresGrad = requiresGrad
    }

    /// A one-element tensor of `shape` (all ones, or `[]`) holding `value` as
    /// `dtype` (whose element type `T` must be), without a storage yet.
    @inline(__always)
    init<T: StorageElement>(single value: T, dtype: DType, shape: [Int]) {
        singleBits = value.storageBits
        singleDType = dtype
        self.shape = shape
        strides = Shape.contiguousStrides(shape)
        offset = 0
        requiresGrad = false
    }

    @inline(never)
    private func makeStorage() -> Storage {
        let made = Storage(singleBits: singleBits, dtype: singleDType)
        backing = made
        return made
    }

    /// Element `i` of the storage as `T` (the dtype's element type), without making a storage.
    @inline(__always)
    func element<T: StorageElement>(_ i: Int, as _: T.Type) -> T {
        if let backing { return backing.element(i, as: T.self) }
        return T(storageBits: singleBits)
    }

    /// Element `i` of the storage widened to Double, without making a storage.
    @inline(__always)
    func doubleElement(_ i: Int) -> Double {
        if let backing { return backing.double(i) }
        switch singleDType {
        case .float32: return Double(Float(storageBits: singleBits))
        case .float64: return Double(storageBits: singleBits)
        case .int64, .int32: return Double(Int64(storageBits: singleBits))
        case .bool: return singleBits != 0 ? 1 : 0
        }
    }

    /// Whether this tensor's elements are all of its storage (not a part of a larger one).
    var coversWholeStorage: Bool {
        guard let backing else { return true }
        return offset == 0 && count == backing.count
    }

    /// Whether nothing but this tensor can reach its elements (no storage yet,
    /// or a storage referenced only from here).
    func ownsStorageUniquely() -> Bool {
        guard backing != nil else { return true }
        return isKnownUniquelyReferenced(&backing)
    }

    /// Runs `body` over the row-major elements of a contiguous float32 tensor
    /// (a gradient an optimizer reads), without making a storage for a scalar.
    public func withContiguousFloats(_ body: (UnsafeBufferPointer<Float>) throws -> Void) rethrows {
        try withContiguousElements(as: Float.self, body)
    }

    /// `withContiguousFloats` for float64.
    public func withContiguousDoubles(_ body: (UnsafeBufferPointer<Double>) throws -> Void) rethrows {
        try withContiguousElements(as: Double.self, body)
    }

    private func withContiguousElements<T: StorageElement>(as _: T.Type, _ body: (UnsafeBufferPointer<T>) throws -> Void) rethrows {
        precondition(T.isElement(of: dtype) && isContiguous)
        guard let backing else {
            let value = T(storageBits: singleBits)
            return try withUnsafePointer(to: value) { try body(UnsafeBufferPointer(start: $0, count: 1)) }
        }
        let start = offset, n = count
        try backing.withElements(as: T.self) { try body(UnsafeBufferPointer(rebasing: $0[start..<(start + n)])) }
    }

    public var isContiguous: Bool {
        if shape.isEmpty { return true }
        var expected = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    // MARK: element access

    /// Storage offsets of all elements in row-major order.
    public func elementOffsets() -> [Int] {
        if isContiguous { return Array(offset..<(offset + count)) }
        return Shape.offsets(shape, strides: strides, base: offset)
    }

    /// All elements widened to Double, row-major.
    public func doubles() -> [Double] {
        if count == 1 { return [doubleElement(offset)] }
        switch dtype {
        case .float64: return elements(as: Double.self)
        case .float32 where isContiguous: return storage.withElements(as: Float.self) { $0[offset..<(offset + count)].map(Double.init) }
        default: return elementOffsets().map { storage.double($0) }
        }
    }

    /// All elements of a float32 tensor, row-major (a copy only when not contiguous).
    public func floats() -> [Float] {
        precondition(dtype == .float32)
        return elements(as: Float.self)
    }

    public func int64s() -> [Int64] {
        if dtype == .int64 || dtype == .int32 { return elements(as: Int64.self) }
        return elementOffsets().map { storage.int64($0) }
    }

    public func bools() -> [Bool] {
        if dtype == .bool { return elements(as: Bool.self) }
        return elementOffsets().map { storage.double($0) != 0 }
    }

    /// The single value of a one-element tensor, as PyTorch's `item()` errors otherwise.
    public func scalarDouble() throws -> Double {
        guard count == 1 else {
            throw TorchError.runtime("a Tensor with \(count) elements cannot be converted to Scalar")
        }
        return doubleElement(offset)
    }

    public func scalarInt64() throws -> Int64 {
        guard count == 1 else {
            throw TorchError.runtime("a Tensor with \(count) elements cannot be converted to Scalar")
        }
        return storage.int64(offset)
    }
}

extension Tensor {
    /// A new contiguous tensor of the given dtype filled with zeros.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        let n = Shape.count(shape)
        try MemoryAccounting.check(elements: n, dtype: dtype)
        return Tensor(storage: Storage(zeros: n, dtype: dtype), shape: shape)
    }

    /// A 0-d tensor holding `value`.
    public static func scalar(_ value: Double, dtype: DType = .float32) -> Tensor {
        let s = Storage(zeros: 1, dtype: dtype)
        s.setDouble(0, value)
        return Tensor(storage: s, shape: [])
    }

    /// A Python number as an operand: a 0-d tensor flagged as a wrapped
    /// number (float → float64, int → int64, bool → bool), as PyTorch does.
    public static func wrapped(_ value: Double, dtype: DType) -> Tensor {
        let t = scalar(value, dtype: dtype)
        t.isWrappedNumber = true
        return t
    }

    public convenience init(shape: [Int], floats: [Float], requiresGrad: Bool = false) {
        self.init(storage: Storage(floats), shape: shape, requiresGrad: requiresGrad)
    }

    public convenience init(shape: [Int], doubles: [Double], requiresGrad: Bool = false) {
        self.init(storage: Storage(doubles), shape: shape, requiresGrad: requiresGrad)
    }

    /// Builds a tensor of any dtype from row-major Double values.
    public static func from(_ values: [Double], shape: [Int], dtype: DType) throws -> Tensor {
        try MemoryAccounting.check(elements: values.count, dtype: dtype)
        switch dtype {
        case .float32: return Tensor(storage: Storage(values.map { Float($0) }), shape: shape)
        case .float64: return Tensor(storage: Storage(values), shape: shape)
        default:
            let s = Storage(zeros: values.count, dtype: dtype)
            for (i, v) in values.enumerated() { s.setDouble(i, v) }
            return Tensor(storage: s, shape: shape)
        }
    }
}

/// A version counter of its own (see `Tensor.version`).
final class VersionCounter {
    var value = 0
}

/// The rarely used fields of a `Tensor`.
final class TensorExtras {
    var versionCounter: VersionCounter?
    var tangent: Tensor?
    var label: String?
    var gradientHooks: [GradientHook] = []
    weak var savedOutputOf: Node?
}
