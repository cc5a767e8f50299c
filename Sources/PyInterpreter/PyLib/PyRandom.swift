import Autograd
import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPython's `random.Random` (3.11), drawing the same stream for the same
/// seed: MT19937 seeded by `init_by_array` with the seed's 32-bit words,
/// and the Python-level algorithms of Lib/random.py on top.
///
/// A program that never seeds gets `defaultSeed`, not the clock: notebook
/// output must be reproducible (CPython itself would seed from the OS).
public final class PyRandom {
    public static let defaultSeed: BigInt = 0

    private var engine: MersenneTwister19937
    /// The second value of `gauss`'s last pair (`gauss_next`).
    private var gaussNext: Double?

    public init(seed: BigInt = PyRandom.defaultSeed) {
        engine = MersenneTwister19937(key: Self.key(seed))
    }

    /// `random.seed(n)` for an int: all bits of |n| are used.
    public func seed(_ n: BigInt) {
        engine = MersenneTwister19937(key: Self.key(n))
        gaussNext = nil
    }

    /// `random.seed(s)` for a str (version 2): the UTF-8 bytes followed by
    /// their SHA-512 digest, read as a big-endian int.
    public func seed(string: String) {
        seed(bytes: Array(string.utf8))
    }

    /// `random.seed(b)` for bytes / bytearray.
    public func seed(bytes: [UInt8]) {
        var n = BigUInt(0)
        for byte in bytes + SHA512.digest(bytes) { n = n << 8 | BigUInt(byte) }
        seed(BigInt(n))
    }

    /// The key `init_by_array` gets: |n|'s 32-bit words, least significant
    /// first, at least one word.
    private static func key(_ n: BigInt) -> [UInt32] {
        let magnitude = n.magnitude
        let count = max(1, (magnitude.bitWidth + 31) / 32)
        var words: [UInt32] = []
        words.reserveCapacity(count)
        for word in magnitude.words {
            words.append(UInt32(truncatingIfNeeded: word))
            words.append(UInt32(truncatingIfNeeded: UInt64(word) >> 32))
        }
        while words.count < count { words.append(0) }
        return Array(words.prefix(count))
    }

    func takeGaussNext() -> Double? {
        defer { gaussNext = nil }
        return gaussNext
    }

    func storeGaussNext(_ value: Double) {
        gaussNext = value
    }

    // MARK: Core draws

    /// `random()`: 53 random bits in [0, 1).
    public func random() -> Double {
        let a = Double(engine.next() >> 5)
        let b = Double(engine.next() >> 6)
        return (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)`: k bits, filled from 32-bit draws least significant
    /// word first, the last one shifted down to what is left.
    public func getrandbits(_ k: Int) throws(PyFormatError) -> BigInt {
        if k < 0 { throw .valueError("number of bits must be non-negative") }
        if k <= 64 { return BigInt(randomBits64(k)) }
        var words: [UInt32] = []
        words.reserveCapacity((k + 31) / 32)
        var remaining = k
        while remaining > 0 {
            var r = engine.next()
            if remaining < 32 { r >>= UInt32(32 - remaining) }
            words.append(r)
            remaining -= 32
        }
        var wide: [UInt] = []
        wide.reserveCapacity((words.count + 1) / 2)
        for i in stride(from: 0, to: words.count, by: 2) {
            let high = i + 1 < words.count ? UInt64(words[i + 1]) : 0
            wide.append(UInt(UInt64(words[i]) | high << 32))
        }
        return BigInt(BigUInt(words: wide))
    }

    /// `getrandbits(k)` for k <= 64 without big-int arithmetic.
    private func randomBits64(_ k: Int) -> UInt64 {
        if k == 0 { return 0 }
        if k <= 32 { return UInt64(engine.next() >> UInt32(32 - k)) }
        let low = UInt64(engine.next())
        let high = UInt64(engine.next() >> UInt32(64 - k))
        return high << 32 | low
    }

    /// `_randbelow(n)` (`_randbelow_with_getrandbits`): draw n.bit_length()
    /// bits until the value is below n. Returns 0 for n <= 0 (where CPython
    /// would loop forever; its callers never pass that).
    public func randbelow(_ n: BigInt) -> BigInt {
        guard n > 0 else { return 0 }
        if let small = UInt64(exactly: n) { return BigInt(randbelow(small)) }
        let k = n.magnitude.bitWidth  // n.bit_length()
        while true {
            // k > 64 here, so getrandbits cannot throw.
            guard let r = try? getrandbits(k) else { return 0 }
            if r < n { return r }
        }
    }

    func randbelow(_ n: UInt64) -> UInt64 {
        guard n > 0 else { return 0 }
        let k = 64 - n.leadingZeroBitCount
        while true {
            let r = randomBits64(k)
            if r < n { return r }
        }
    }

    func randbelow(_ n: Int) -> Int {
        n <= 0 ? 0 : Int(randbelow(UInt64(n)))
    }
}
