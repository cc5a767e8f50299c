import Foundation

/// A Python class: builtin (`int`, `list`), native (defined from Swift with
/// `NativeClassBuilder`) or user-defined (`class Foo: ...`). Attribute lookup
/// walks the MRO; results are cached until any class body changes.
public final class PyType: PyObject {
    /// How calling the class makes a value.
    enum Factory {
        /// Builtin value types (`int(...)`, `list(...)`): the constructor does everything, no `__init__`.
        case builtin((Interpreter, PyType, Arguments) throws -> Value)
        /// A `PyInstance`, made by the nearest `allocator` in the MRO (or plainly), then `__init__`.
        case instance
        /// Cannot be instantiated from Python (`cannot create 'X' instances`).
        case none
    }

    public let name: String
    public var qualifiedName: String
    public let module: String
    public let bases: [PyType]
    public private(set) var mro: [PyType] = []
    /// The class body (methods, class attributes, properties).
    public private(set) var dict = AttributeTable()
    /// Builtin types refuse attribute assignment, like CPython's static types.
    public let isImmutable: Bool
    var factory: Factory
    /// Makes the bare instance before `__init__` runs; inherited through the MRO.
    var allocator: ((PyType, Arguments) -> PyInstance)?
    /// Instances of this class and its subclasses carry a native payload of this class (documentation and error messages).
    public private(set) var isNative: Bool

    /// Bumped whenever any class body changes; caches built before are stale.
    nonisolated(unsafe) private(set) static var epoch = 0
    private static let epochLock = NSLock()
    static func bumpEpoch() {
        epochLock.lock()
        epoch &+= 1
        epochLock.unlock()
    }
    /// Only for classes one session owns (user classes): builtin and native
    /// classes are shared by sessions running on other threads, so they are
    /// read-only from Python and never write a cache.
    private var cache = LookupCache()
    private var cacheEpoch = -1

    init(name: String, qualifiedName: String? = nil, module: String, bases: [PyType], immutable: Bool, factory: Factory, native: Bool = false) {
        self.name = name
        self.qualifiedName = qualifiedName ?? name
        self.module = module
        self.bases = bases
        self.isImmutable = immutable
        self.factory = factory
        self.isNative = native || bases.contains { $0.isNative }
        super.init()
        mro = [self] + (PyType.linearize(bases) ?? bases.flatMap { $0.mro })
    }

    /// A builtin type with a single base (`object` when nil).
    convenience init(builtin name: String, base: PyType?, module: String = "builtins", factory: Factory = .none) {
        self.init(name: name, module: module, bases: base.map { [$0] } ?? [], immutable: true, factory: factory)
    }

    public override var pyType: PyType { PyType.typeType }

    /// C3 linearization of the bases' MROs; nil when no consistent order exists.
    /// Linear in the total length of the bases' MROs (times the number of bases),
    /// so a chain of thousands of subclasses stays fast.
    static func linearize(_ bases: [PyType]) -> [PyType]? {
        if bases.count <= 1 { return bases.first?.mro ?? [] }
        let sequences = bases.map { $0.mro } + [bases]
        var heads = [Int](repeating: 0, count: sequences.count)
        // How many sequences hold each class after their head: a class is a
        // valid next head only when no tail holds it.
        var inTails: [ObjectIdentifier: Int] = [:]
        for sequence in sequences {
            for t in sequence.dropFirst() { inTails[ObjectIdentifier(t), default: 0] += 1 }
        }
        var result: [PyType] = []
        while true {
            var next: PyType? = nil
            var remaining = false
            for (i, sequence) in sequences.enumerated() where heads[i] < sequence.count {
                remaining = true
                let candidate = sequence[heads[i]]
                if inTails[ObjectIdentifier(candidate), default: 0] == 0 { next = candidate; break }
            }
            guard remaining else { return result }
            guard let head = next else { return nil }
            result.append(head)
            for (i, sequence) in sequences.enumerated() where heads[i] < sequence.count && sequence[heads[i]] === head {
                heads[i] += 1
                if heads[i] < sequence.count { inTails[ObjectIdentifier(sequence[heads[i]]), default: 0] -= 1 }
            }
        }
    }

    // MARK: - Class body

    /// Sets a class attribute (invalidates every lookup cache).
    public func setAttribute(_ name: Symbol, _ value: Value) {
        dict.set(name, value)
        PyType.bumpEpoch()
    }
    @discardableResult
    public func removeAttribute(_ name: Symbol) -> Value? {
        defer { PyType.bumpEpoch() }
        return dict.remove(name)
    }

    /// Finds `name` along the MRO (class attributes and methods, not instance attributes).
    public func lookup(_ name: Symbol) -> Value? {
        if isImmutable {
            for t in mro {
                if let v = t.dict[name] { return v }
            }
            return nil
        }
        if cacheEpoch != PyType.epoch {
            cache.removeAll()
            cacheEpoch = PyType.epoch
        } else if let hit = cache.find(name) {
            return hit.value
        }
        var found: Value? = nil
        for t in mro {
            if let v = t.dict[name] { found = v; break }
        }
        cache.insert(name, found)
        return found
    }

    public func isSubtype(of other: PyType) -> Bool {
        if self === other { return true }
        for t in mro where t === other { return true }
        return false
    }

    var isExceptionType: Bool { isSubtype(of: PyType.baseException) }

    /// `__main__.Foo`, `torch.Tensor`, or just `int` for builtins.
    public var fullName: String { module == "builtins" ? qualifiedName : "\(module).\(qualifiedName)" }

    /// The nearest allocator in the MRO.
    var effectiveAllocator: ((PyType, Arguments) -> PyInstance)? {
        for t in mro { if let a = t.allocator { return a } }
        return nil
    }

    /// The nearest builtin constructor in the MRO, if this class cannot make plain instances.
    var effectiveFactory: Factory {
        for t in mro {
            switch t.factory {
            case .instance: return .instance
            case .builtin: return t.factory
            case .none: if t === PyType.object { return .instance }; continue
            }
        }
        return .instance
    }
}

/// Open-addressing table from symbol ids to lookup results (hits and misses),
/// so a method lookup costs a mask and a compare instead of hashing.
struct LookupCache {
    struct Entry {
        let name: Symbol
        let value: Value?
    }
    private var slots: [Entry?] = Array(repeating: nil, count: 16)
    private var count = 0

    @inline(__always)
    func find(_ name: Symbol) -> Entry? {
        let mask = slots.count - 1
        var i = name.id & mask
        while let e = slots[i] {
            if e.name === name { return e }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func insert(_ name: Symbol, _ value: Value?) {
        if (count + 1) * 2 > slots.count {
            let old = slots
            slots = Array(repeating: nil, count: old.count * 2)
            count = 0
            for case let e? in old { insert(e.name, e.value) }
        }
        let mask = slots.count - 1
        var i = name.id & mask
        while let e = slots[i] {
            if e.name === name { return }
            i = (i + 1) & mask
        }
        slots[i] = Entry(name: name, value: value)
        count += 1
    }

    mutating func removeAll() {
        if count > 0 {
            slots = Array(repeating: nil, count: 16)
            count = 0
        }
    }
}
