/// The 32-bit Mersenne Twister MT19937 (Matsumoto & Nishimura), the engine
/// behind both PyTorch's CPU generator and CPython's `random` module. They
/// differ only in how they seed it: torch uses `init_genrand` with one 32-bit
/// word, CPython uses `init_by_array` with the seed's 32-bit words.
public struct MersenneTwister19937: Sendable {
    static let stateSize = 624
    static let shiftSize = 397
    static let matrixA: UInt32 = 0x9908_B0DF
    static let upperMask: UInt32 = 0x8000_0000
    static let lowerMask: UInt32 = 0x7FFF_FFFF

    private var state: [UInt32]
    /// Position of the next word to temper; `stateSize` means "twist first".
    private var index: Int

    /// `init_genrand(seed)`: the classic linear-congruential state fill.
    public init(seed: UInt32) {
        state = [UInt32](repeating: 0, count: Self.stateSize)
        Self.fill(&state, seed: seed)
        index = Self.stateSize
    }

    /// `init_by_array(key)`: CPython's seeding (an empty key acts as `[0]`).
    public init(key: [UInt32]) {
        state = [UInt32](repeating: 0, count: Self.stateSize)
        Self.fill(&state, seed: 19_650_218)
        let key = key.isEmpty ? [0] : key
        let n = Self.stateSize
        var i = 1
        var j = 0
        for _ in 0..<max(n, key.count) {
            let previous = state[i - 1] ^ (state[i - 1] >> 30)
            state[i] = (state[i] ^ (previous &* 1_664_525)) &+ key[j] &+ UInt32(truncatingIfNeeded: j)
            i += 1
            j += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            let previous = state[i - 1] ^ (state[i - 1] >> 30)
            state[i] = (state[i] ^ (previous &* 1_566_083_941)) &- UInt32(truncatingIfNeeded: i)
            i += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000  // guarantees a non-zero initial state
        index = n
    }

    private static func fill(_ state: inout [UInt32], seed: UInt32) {
        state[0] = seed
        for i in 1..<stateSize {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
    }

    /// The next tempered 32-bit output.
    @inline(__always)
    public mutating func next() -> UInt32 {
        if index >= Self.stateSize { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        let n = Self.stateSize
        let m = Self.shiftSize
        state.withUnsafeMutableBufferPointer { s in
            for k in 0..<n {
                let y = (s[k] & Self.upperMask) | (s[(k + 1) % n] & Self.lowerMask)
                let mag: UInt32 = (y & 1) == 0 ? 0 : Self.matrixA
                s[k] = s[(k + m) % n] ^ (y >> 1) ^ mag
            }
        }
        index = 0
    }
}
