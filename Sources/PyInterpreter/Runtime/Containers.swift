import BigInt

/// An int too large for `Int`.
public final class PyBigInt: PyObject {
    public let value: BigInt
    public init(_ value: BigInt) { self.value = value }
    public override var pyType: PyType { PyType.int }
}

public final class PyList: PyObject {
    public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    deinit { ContainerTeardown.release(&items) }
    public override var pyType: PyType { PyType.list }
}

public final class PyTuple: PyObject {
    public let items: [Value]
    public init(_ items: [Value]) { self.items = items }
    public override var pyType: PyType { PyType.tuple }
    static let empty = PyTuple([])
}

/// `slice(start, stop, step)`; each part may be None.
public final class PySlice: PyObject {
    public let start: Value
    public let stop: Value
    public let step: Value
    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }
    public override var pyType: PyType { PyType.slice }
}

public final class PyRange: PyObject {
    public let start: Int
    public let stop: Int
    public let step: Int
    /// Number of elements (`len(range)`), computed without overflow; ranges
    /// longer than `Int.max` are refused when created.
    public let count: Int

    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        count = PyRange.length(start: start, stop: stop, step: step) ?? Int.max
    }
    public override var pyType: PyType { PyType.range }

    static func length(start: Int, stop: Int, step: Int) -> Int? {
        let lo = step > 0 ? start : stop, hi = step > 0 ? stop : start
        guard lo < hi else { return 0 }
        let span = UInt(bitPattern: hi &- lo)
        let stride = step.magnitude
        let n = (span - 1) / stride + 1
        return n > UInt(Int.max) ? nil : Int(n)
    }
    public func element(_ i: Int) -> Int { start &+ i &* step }
}

/// A Python dict: insertion-ordered, keyed by `HashKey`.
public final class PyDict: PyObject {
    struct Entry {
        var key: Value
        var value: Value
        let hash: HashKey
    }
    private(set) var entries: [Entry?] = []
    private var index: [HashKey: Int] = [:]
    /// Bumped on every insertion or removal (iterators detect changes of size).
    public private(set) var count = 0

    public override init() {}
    deinit { ContainerTeardown.release(&entries) }
    public override var pyType: PyType { PyType.dict }

    /// Empties the dict into `values` (its keys are dropped): deep teardown.
    func moveValues(into values: inout [Value]) {
        for case let entry? in entries { values.append(entry.value) }
        removeAll()
    }

    public func get(_ hash: HashKey) -> Value? {
        guard let i = index[hash] else { return nil }
        return entries[i]?.value
    }
    public func contains(_ hash: HashKey) -> Bool { index[hash] != nil }

    public func set(_ key: Value, hash: HashKey, _ value: Value) {
        if let i = index[hash] {
            if var e = entries[i] {
                e.value = value
                entries[i] = e
            }
            return
        }
        index[hash] = entries.count
        entries.append(Entry(key: key, value: value, hash: hash))
        count += 1
    }

    @discardableResult
    public func remove(_ hash: HashKey) -> (key: Value, value: Value)? {
        guard let i = index.removeValue(forKey: hash), let e = entries[i] else { return nil }
        entries[i] = nil
        count -= 1
        if entries.count > 16 && count * 2 < entries.count { compact() }
        return (e.key, e.value)
    }

    public func removeAll() {
        entries.removeAll()
        index.removeAll()
        count = 0
    }

    private func compact() {
        entries = entries.filter { $0 != nil }
        index.removeAll(keepingCapacity: true)
        for (i, e) in entries.enumerated() { index[e!.hash] = i }
    }

    /// Live entries in insertion order.
    public var items: [(key: Value, value: Value)] {
        entries.compactMap { $0.map { ($0.key, $0.value) } }
    }
    public var keys: [Value] { entries.compactMap { $0?.key } }
    public var values: [Value] { entries.compactMap { $0?.value } }
    /// Slot count including holes (iterators walk slots).
    var slotCount: Int { entries.count }
    func entry(at slot: Int) -> Entry? { slot < entries.count ? entries[slot] : nil }
    var lastEntry: Entry? { entries.last { $0 != nil } ?? nil }

    /// Convenience for native code: a string-keyed entry.
    public subscript(_ key: String) -> Value? {
        get { get(.str(key)) }
        set {
            if let v = newValue { set(.string(key), hash: .str(key), v) } else { remove(.str(key)) }
        }
    }
}

/// Identity of a dict key or set element. Equal Python values map to equal keys
/// (`1`, `1.0` and `True` are the same key); objects without value equality use identity.
public enum HashKey: Hashable {
    case none
    case int(Int)
    case bigInt(BigInt)
    case float(UInt64)
    case str(String)
    case tuple([HashKey])
    case frozenSet(Set<HashKey>)
    /// An object compared by identity, with its serial for the hash (see `PyObject.serial`).
    case identity(ObjectIdentifier, serial: Int)
    case notImplemented
    case ellipsis
}
