/// An insertion-ordered map from names to values: an instance's `__dict__`,
/// a class body, a module. Small tables (the common case) are searched
/// linearly by identity; larger ones keep a hash index.
public struct AttributeTable {
    public private(set) var keys: [Symbol] = []
    public private(set) var values: [Value] = []
    private var index: [Symbol: Int]? = nil
    private static let linearLimit = 12

    public init() {}

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    @inline(__always)
    private func position(of key: Symbol) -> Int? {
        if let index = index { return index[key] }
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
            index![key] = keys.count - 1
        } else if keys.count > AttributeTable.linearLimit {
            var built: [Symbol: Int] = [:]
            for (i, k) in keys.enumerated() { built[k] = i }
            index = built
        }
    }

    @discardableResult
    public mutating func remove(_ key: Symbol) -> Value? {
        guard let i = position(of: key) else { return nil }
        let old = values[i]
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil {
            var built: [Symbol: Int] = [:]
            for (j, k) in keys.enumerated() { built[k] = j }
            index = built
        }
        return old
    }

    /// Entries in insertion order.
    public var entries: Zip2Sequence<[Symbol], [Value]> { zip(keys, values) }
}
