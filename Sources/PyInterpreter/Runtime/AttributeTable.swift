/// An insertion-ordered map from names to values: an instance's `__dict__`,
/// a class body, a module. Small tables (the common case) are searched
/// linearly by identity; larger ones keep an index by symbol id.
public struct AttributeTable {
    public private(set) var keys: [Symbol] = []
    public private(set) var values: [Value] = []
    private var index: SymbolIndex? = nil
    private static let linearLimit = 12

    public init() {}

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    @inline(__always)
    private func position(of key: Symbol) -> Int? {
        if let index = index { return index.position(of: key, in: keys) }
        for i in 0..<keys.count where keys[i] === key { return i }
        return nil
    }

    public subscript(key: Symbol) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        set {
            if let v = newValue { set(key, v) } else { remove(key) }
        }
    }

    public mutating func set(_ key: Symbol, _ value: Value) {
        if let i = position(of: key) {
            values[i] = value
            return
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index!.insert(key, at: keys.count - 1, keys: keys)
        } else if keys.count > AttributeTable.linearLimit {
            index = SymbolIndex(keys)
        }
    }

    @discardableResult
    public mutating func remove(_ key: Symbol) -> Value? {
        guard let i = position(of: key) else { return nil }
        let old = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil { index = SymbolIndex(keys) }
        return old
    }

    /// Entries in insertion order.
    public var entries: Zip2Sequence<[Symbol], [Value]> { zip(keys, values) }
}

/// Open addressing from a symbol's id to its position in a key array: a
/// lookup is a mask and an identity compare, where a dictionary would hash.
struct SymbolIndex {
    /// Position + 1 of the key in each slot; 0 is empty. Never more than half full.
    private var slots: [Int32]
    private var count = 0

    init(_ keys: [Symbol]) {
        var capacity = 16
        while capacity < keys.count * 2 + 2 { capacity *= 2 }
        slots = [Int32](repeating: 0, count: capacity)
        for (i, k) in keys.enumerated() { place(k, i) }
    }

    @inline(__always)
    func position(of key: Symbol, in keys: [Symbol]) -> Int? {
        let mask = slots.count - 1
        var i = key.id & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if keys[s - 1] === key { return s - 1 }
            i = (i + 1) & mask
        }
    }

    /// Adds `key`, just appended to `keys` at `position`.
    mutating func insert(_ key: Symbol, at position: Int, keys: [Symbol]) {
        if (count + 1) * 2 > slots.count {
            self = SymbolIndex(keys)
            return
        }
        place(key, position)
    }

    private mutating func place(_ key: Symbol, _ position: Int) {
        let mask = slots.count - 1
        var i = key.id & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(position + 1)
        count += 1
    }
}
