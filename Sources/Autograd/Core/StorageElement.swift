/// The Swift types a `Storage` keeps its elements in, so generic code can read
/// and build typed buffers without going through Double.
protocol StorageElement {
    /// The storage's whole buffer of this type (empty if the storage holds another type).
    static func buffer(of storage: Storage) -> [Self]
    /// A storage holding `values` as `dtype` (which must use this element type).
    static func storage(_ values: [Self], dtype: DType) -> Storage
    /// Whether storages of `dtype` keep their elements as this type.
    static func isElement(of dtype: DType) -> Bool
    /// The bit pattern a one-element storage keeps inline, and back.
    var storageBits: UInt64 { get }
    init(storageBits: UInt64)
    /// The storage's backing array (defined in Storage.swift, which owns the arrays).
    static func array(of storage: Storage) -> [Self]
    static func withMutableArray<R>(of storage: Storage, _ body: (inout [Self]) throws -> R) rethrows -> R
}

extension Float: StorageElement {
    static func buffer(of storage: Storage) -> [Float] { storage.f32 }
    static func storage(_ values: [Float], dtype: DType) -> Storage { Storage(values) }
    static func isElement(of dtype: DType) -> Bool { dtype == .float32 }
    var storageBits: UInt64 { UInt64(bitPattern) }
    init(storageBits: UInt64) { self.init(bitPattern: UInt32(truncatingIfNeeded: storageBits)) }
}

extension Double: StorageElement {
    static func buffer(of storage: Storage) -> [Double] { storage.f64 }
    static func storage(_ values: [Double], dtype: DType) -> Storage { Storage(values) }
    static func isElement(of dtype: DType) -> Bool { dtype == .float64 }
    var storageBits: UInt64 { bitPattern }
    init(storageBits: UInt64) { self.init(bitPattern: storageBits) }
}

extension Int64: StorageElement {
    static func buffer(of storage: Storage) -> [Int64] { storage.i64 }
    static func storage(_ values: [Int64], dtype: DType) -> Storage { Storage(values, dtype: dtype) }
    static func isElement(of dtype: DType) -> Bool { dtype == .int64 || dtype == .int32 }
    var storageBits: UInt64 { UInt64(bitPattern: self) }
    init(storageBits: UInt64) { self.init(bitPattern: storageBits) }
}

extension Bool: StorageElement {
    static func buffer(of storage: Storage) -> [Bool] { storage.bools }
    static func storage(_ values: [Bool], dtype: DType) -> Storage { Storage(values) }
    static func isElement(of dtype: DType) -> Bool { dtype == .bool }
    var storageBits: UInt64 { self ? 1 : 0 }
    init(storageBits: UInt64) { self = storageBits != 0 }
}

extension Tensor {
    /// The elements at `offsets` of this tensor's storage, as the storage's element type.
    func gathered<T: StorageElement>(_ offsets: [Int], as _: T.Type) -> [T] {
        let all = T.buffer(of: storage)
        return offsets.map { all[$0] }
    }

    /// The row-major elements of a tensor whose storage type is `T`, without a
    /// copy when the tensor is its whole (contiguous) storage.
    func elements<T: StorageElement>(as _: T.Type) -> [T] {
        let n = count
        if n == 1 { return [element(offset, as: T.self)] }
        let all = T.buffer(of: storage)
        if isContiguous {
            return offset == 0 && all.count == n ? all : Array(all[offset..<(offset + n)])
        }
        return elementOffsets().map { all[$0] }
    }
}
