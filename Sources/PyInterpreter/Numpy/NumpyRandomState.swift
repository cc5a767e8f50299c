#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Autograd

/// NumPy's legacy global `RandomState` streams: MT19937 seeded by
/// `init_genrand(seed)` (the same engine as torch's and CPython's `random`),
/// 53-bit doubles, the polar Box–Muller `gauss` that caches its second value,
/// and masked rejection sampling for integers (numpy/random/src/legacy and
/// distributions.c).
final class NumpyRandomState {
    private var engine: MersenneTwister19937
    private var cachedGauss: Double?

    init(seed: UInt32 = 0) { engine = MersenneTwister19937(seed: seed) }

    func seed(_ value: UInt32) {
        engine = MersenneTwister19937(seed: value)
        cachedGauss = nil
    }

    func nextUInt32() -> UInt32 { engine.next() }

    func nextUInt64() -> UInt64 {
        let high = UInt64(engine.next())
        return high << 32 | UInt64(engine.next())
    }

    /// `random_sample`: (a >> 5, b >> 6) as 53 bits in [0, 1).
    func nextDouble() -> Double {
        let a = Double(engine.next() >> 5), b = Double(engine.next() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }

    /// `legacy_gauss`: polar Box–Muller; the second value of each pair is kept for the next call.
    func nextGauss() -> Double {
        if let cached = cachedGauss {
            cachedGauss = nil
            return cached
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * nextDouble() - 1
            x2 = 2 * nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let f = sqrt(-2 * log(r2) / r2)
        cachedGauss = f * x1
        return f * x2
    }

    /// The smallest all-ones mask covering `range`.
    private static func mask(_ range: UInt64) -> UInt64 {
        var m = range
        for shift in [1, 2, 4, 8, 16, 32] { m |= m >> UInt64(shift) }
        return m
    }

    /// `random_bounded_uint64` (masked): a value in 0...range, drawn from
    /// 32-bit words while the range fits in 32 bits, 64-bit ones otherwise.
    func bounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        if range <= 0xFFFF_FFFF {
            if range == 0xFFFF_FFFF { return UInt64(nextUInt32()) }
            let mask = UInt32(Self.mask(range))
            while true {
                let v = nextUInt32() & mask
                if UInt64(v) <= range { return UInt64(v) }
            }
        }
        if range == .max { return nextUInt64() }
        let mask = Self.mask(range)
        while true {
            let v = nextUInt64() & mask
            if v <= range { return v }
        }
    }

    /// `random_interval(max)`: what shuffle uses, 0...max.
    func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = Self.mask(max)
        if max <= 0xFFFF_FFFF {
            while true {
                let v = UInt64(nextUInt32()) & mask
                if v <= max { return v }
            }
        }
        while true {
            let v = nextUInt64() & mask
            if v <= max { return v }
        }
    }
}
