import BigInt

/// A Python set (or frozenset). The table follows CPython's setobject.c
/// (open addressing, 9 linear probes, perturbation, the same resize rule and
/// CPython's hash of ints, floats and tuples), so iteration order — and
/// therefore `print({3, 1, 2})` — matches CPython for numeric elements.
public final class PySet: PyObject {
    struct Slot {
        var key: Value
        var hashKey: HashKey
        var hash: Int
    }
    enum Cell {
        case empty
        case dummy
        case used(Slot)
    }
    public let isFrozen: Bool
    private(set) var table: [Cell] = Array(repeating: .empty, count: 8)
    private var fill = 0
    public private(set) var count = 0
    private var finger = 0

    public init(frozen: Bool = false) { self.isFrozen = frozen }
    public override var pyType: PyType { isFrozen ? PyType.frozenSet : PyType.set }

    private var mask: Int { table.count - 1 }
    private static let linearProbes = 9

    public func contains(_ key: HashKey) -> Bool { find(key, hash: PySet.pythonHash(key)) != nil }

    private func find(_ key: HashKey, hash: Int) -> Int? {
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        while true {
            let probes = i + PySet.linearProbes <= mask ? PySet.linearProbes : 0
            var j = i
            for _ in 0...probes {
                switch table[j] {
                case .empty: return nil
                case .used(let s) where s.hash == hash && s.hashKey == key: return j
                default: break
                }
                j += 1
            }
            perturb >>= 5
            i = Int(bitPattern: (UInt(bitPattern: i) &* 5 &+ 1 &+ perturb)) & mask
        }
    }

    /// Adds `key` unless an equal element is present.
    public func add(_ key: Value, _ hashKey: HashKey) {
        let hash = PySet.pythonHash(hashKey)
        var i = hash & mask
        var perturb = UInt(bitPattern: hash)
        var freeSlot: Int? = nil
        while true {
            let probes = i + PySet.linearProbes <= mask ? PySet.linearProbes : 0
            var j = i
            for _ in 0...probes {
                switch table[j] {
                case .empty:
                    if let f = freeSlot {
                        table[f] = .used(Slot(key: key, hashKey: hashKey, hash: hash))
                        count += 1
                        return
                    }
                    table[j] = .used(Slot(key: key, hashKey: hashKey, hash: hash))
                    fill += 1
                    count += 1
                    if fill * 5 >= mask * 3 { resize(count > 50000 ? count * 2 : count * 4) }
                    return
                case .used(let s):
                    if s.hash == hash && s.hashKey == hashKey { return }
                case .dummy:
                    if freeSlot == nil { freeSlot = j }
                }
                j += 1
            }
            perturb >>= 5
            i = Int(bitPattern: (UInt(bitPattern: i) &* 5 &+ 1 &+ perturb)) & mask
        }
    }

    @discardableResult
    public func remove(_ key: HashKey) -> Bool {
        guard let j = find(key, hash: PySet.pythonHash(key)) else { return false }
        table[j] = .dummy
        count -= 1
        return true
    }

    /// CPython's `set.pop()`: the next element from a moving finger.
    public func popFirst() -> Value? {
        guard count > 0 else { return nil }
        var j = finger & mask
        while true {
            if case .used(let s) = table[j] {
                table[j] = .dummy
                count -= 1
                finger = j + 1
                return s.key
            }
            j = (j + 1) & mask
        }
    }

    public func removeAll() {
        table = Array(repeating: .empty, count: 8)
        fill = 0
        count = 0
    }

    private func resize(_ minUsed: Int) {
        var newSize = 8
        while newSize <= minUsed { newSize <<= 1 }
        let old = table
        table = Array(repeating: .empty, count: newSize)
        fill = count
        for cell in old { if case .used(let s) = cell { insertClean(s) } }
    }

    private func insertClean(_ s: Slot) {
        var i = s.hash & mask
        var perturb = UInt(bitPattern: s.hash)
        while true {
            if case .empty = table[i] { table[i] = .used(s); return }
            if i + PySet.linearProbes <= mask {
                for j in (i + 1)...(i + PySet.linearProbes) {
                    if case .empty = table[j] { table[j] = .used(s); return }
                }
            }
            perturb >>= 5
            i = Int(bitPattern: (UInt(bitPattern: i) &* 5 &+ 1 &+ perturb)) & mask
        }
    }

    /// Adds every element of `other` the way CPython's `set_merge` does.
    public func merge(_ other: PySet) {
        guard other !== self, other.count > 0 else { return }
        if (fill + other.count) * 5 >= mask * 3 { resize((count + other.count) * 2) }
        if fill == 0 {
            if mask == other.mask && other.fill == other.count {
                table = other.table
            } else {
                for cell in other.table { if case .used(let s) = cell { insertClean(s) } }
            }
            fill = other.count
            count = other.count
            return
        }
        for cell in other.table { if case .used(let s) = cell { add(s.key, s.hashKey) } }
    }

    /// Elements in table order (CPython's iteration order).
    public var elements: [Value] {
        var out: [Value] = []
        out.reserveCapacity(count)
        for cell in table { if case .used(let s) = cell { out.append(s.key) } }
        return out
    }
    var slots: [Slot] {
        var out: [Slot] = []
        out.reserveCapacity(count)
        for cell in table { if case .used(let s) = cell { out.append(s) } }
        return out
    }
    var slotCount: Int { table.count }
    func slot(at i: Int) -> Slot? {
        guard i < table.count, case .used(let s) = table[i] else { return nil }
        return s
    }

    // MARK: - CPython's hash

    static let modulus = (1 << 61) - 1

    /// `hash(x)` as CPython computes it for numbers and tuples (strings use a fixed FNV-1a;
    /// CPython randomises them per process anyway).
    static func pythonHash(_ key: HashKey) -> Int {
        switch key {
        case .none: return 0x5F3D_4C21
        case .int(let i): return hashInt(i)
        case .bigInt(let b): return hashBig(b)
        case .float(let bits): return hashDouble(Double(bitPattern: bits))
        case .str(let s):
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
            let r = Int(bitPattern: UInt(h))
            return r == -1 ? -2 : r
        case .tuple(let items):
            let p1: UInt = 11400714785074694791, p2: UInt = 14029467366897019727, p5: UInt = 2870177450012600261
            var acc = p5
            for item in items {
                let lane = UInt(bitPattern: pythonHash(item))
                acc = acc &+ lane &* p2
                acc = (acc << 31) | (acc >> 33)
                acc = acc &* p1
            }
            acc = acc &+ (UInt(items.count) ^ (p5 ^ 3527539))
            return acc == UInt.max ? 1546275796 : Int(bitPattern: acc)
        case .frozenSet(let s):
            var h: UInt = 0
            for k in s {
                let x = UInt(bitPattern: pythonHash(k))
                h ^= ((x ^ (x << 16)) ^ 89869747) &* 3644798167
            }
            h ^= (UInt(s.count) &+ 1) &* 1927868237
            let r = Int(bitPattern: h)
            return r == -1 ? 590923713 : r
        case .identity(_, let serial):
            // CPython's pointer hash (rotated by 4 bits) of the object's stand-in address.
            let y = 0x7F00_0000_0000 + UInt(serial) &* 16
            return Int(bitPattern: (y >> 4) | (y << 60))
        case .notImplemented: return 0x1234_5671
        case .ellipsis: return 0x1234_5672
        }
    }

    static func hashInt(_ i: Int) -> Int {
        let m = UInt(modulus)
        var r: Int
        if i >= 0 { r = Int(UInt(i) % m) } else { r = -Int(i.magnitude % m) }
        if r == -1 { r = -2 }
        return r
    }

    static func hashBig(_ b: BigInt) -> Int {
        let r = Int(b.magnitude % BigUInt(modulus))
        let v = b.sign == .minus ? -r : r
        return v == -1 ? -2 : v
    }

    static func hashDouble(_ v: Double) -> Int {
        if v.isInfinite { return v > 0 ? 314159 : -314159 }
        if v.isNaN { return 0 }
        if v == v.rounded(.towardZero), abs(v) < 9.2e18 { return hashInt(Int(v)) }
        let bits = 61
        let m = UInt(modulus)
        var e = v.exponent + 1
        var mant = abs(v.significand) / 2
        let sign: Int = v < 0 ? -1 : 1
        var x: UInt = 0
        while mant != 0 {
            x = ((x << 28) & m) | x >> (UInt(bits) - 28)
            mant *= 268435456.0
            e -= 28
            let y = UInt(mant)
            mant -= Double(y)
            x += y
            if x >= m { x -= m }
        }
        let ee = e >= 0 ? Int(e) % bits : bits - 1 - ((-1 - Int(e)) % bits)
        x = ((x << UInt(ee)) & m) | x >> UInt(bits - ee)
        var r = Int(bitPattern: x) * sign
        if r == -1 { r = -2 }
        return r
    }
}
