#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Real-valued distributions of Lib/random.py (3.11), operation for
/// operation (no fused multiply-adds), with glibc's log, exp, sin, cos.
extension PyRandom {
    /// `uniform(a, b)`: `a + (b - a) * random()`.
    public func uniform(_ a: Double, _ b: Double) -> Double {
        a + (b - a) * random()
    }

    /// `triangular(low, high, mode)`; `mode` nil means the midpoint.
    public func triangular(low: Double = 0, high: Double = 1, mode: Double? = nil) -> Double {
        var u = random()
        var c = 0.5
        if let mode {
            // CPython returns `low` when high == low raises ZeroDivisionError.
            if high - low == 0 { return low }
            c = (mode - low) / (high - low)
        }
        var low = low
        var high = high
        if u > c {
            u = 1 - u
            c = 1 - c
            swap(&low, &high)
        }
        return low + (high - low) * (u * c).squareRoot()
    }

    /// `gauss(mu, sigma)`: Box–Muller, caching the second value until the
    /// next call (or until reseeding).
    public func gauss(_ mu: Double = 0, _ sigma: Double = 1) -> Double {
        var z: Double
        if let next = takeGaussNext() {
            z = next
        } else {
            let x2pi = random() * (2.0 * Double.pi)
            let g2rad = (-2.0 * log(1.0 - random())).squareRoot()
            z = cos(x2pi) * g2rad
            storeGaussNext(sin(x2pi) * g2rad)
        }
        return mu + z * sigma
    }

    /// `normalvariate(mu, sigma)`: Kinderman and Monahan's ratio method.
    public func normalvariate(_ mu: Double = 0, _ sigma: Double = 1) -> Double {
        let magic = 4 * exp(-0.5) / 2.0.squareRoot()
        var z: Double
        while true {
            let u1 = random()
            let u2 = 1.0 - random()
            z = magic * (u1 - 0.5) / u2
            let zz = z * z / 4.0
            if zz <= -log(u2) { break }
        }
        return mu + z * sigma
    }

    /// `lognormvariate(mu, sigma)`: `exp(normalvariate(mu, sigma))`.
    public func lognormvariate(_ mu: Double, _ sigma: Double) -> Double {
        exp(normalvariate(mu, sigma))
    }

    /// `expovariate(lambd)`: `-log(1 - random()) / lambd`.
    public func expovariate(_ lambd: Double) throws(PyFormatError) -> Double {
        let u = random()
        if lambd == 0 { throw PyFormatError(type: "ZeroDivisionError", message: "float division by zero") }
        return -log(1.0 - u) / lambd
    }
}
