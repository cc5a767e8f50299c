import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Integer and sequence functions of Lib/random.py (3.11). Sequence
/// functions work on indices so the interpreter can apply them to any
/// Python sequence.
extension PyRandom {
    /// `randrange(start)`, `randrange(start, stop)`, `randrange(start, stop, step)`.
    /// `step` is nil when the caller did not pass one.
    public func randrange(_ start: BigInt, _ stop: BigInt? = nil, step: BigInt? = nil) throws(PyFormatError) -> BigInt {
        guard let stop else {
            if step != nil { throw .typeError("Missing a non-None stop argument") }
            if start > 0 { return randbelow(start) }
            throw .valueError("empty range for randrange()")
        }
        let width = stop - start
        let step = step ?? 1
        if step == 1 {
            if width > 0 { return start + randbelow(width) }
            throw .valueError("empty range for randrange() (\(start), \(stop), \(width))")
        }
        let count: BigInt
        if step > 0 {
            count = Self.floorDivide(width + step - 1, step)
        } else if step < 0 {
            count = Self.floorDivide(width + step + 1, step)
        } else {
            throw .valueError("zero step for randrange()")
        }
        if count <= 0 { throw .valueError("empty range for randrange()") }
        return start + step * randbelow(count)
    }

    /// `randint(a, b)`: `randrange(a, b + 1)`.
    public func randint(_ a: BigInt, _ b: BigInt) throws(PyFormatError) -> BigInt {
        try randrange(a, b + 1)
    }

    /// `choice(seq)` for a sequence of `count` items: the chosen index.
    public func choice(count: Int) throws(PyFormatError) -> Int {
        if count <= 0 { throw PyFormatError(type: "IndexError", message: "Cannot choose from an empty sequence") }
        return randbelow(count)
    }

    /// `shuffle(x)` in place: Fisher–Yates from the end.
    public func shuffle<T>(_ items: inout [T]) {
        var i = items.count - 1
        while i >= 1 {
            items.swapAt(i, randbelow(i + 1))
            i -= 1
        }
    }

    /// `sample(population, k)` for a population of `count` items: the chosen
    /// indices in selection order. Small populations use the pool
    /// algorithm, large ones rejection against a set, exactly as CPython.
    public func sample(count n: Int, k: Int) throws(PyFormatError) -> [Int] {
        guard k >= 0 && k <= n else { throw .valueError("Sample larger than population or is negative") }
        var setSize = 21
        if k > 5 {
            let power = Int((log(Double(k * 3)) / log(4.0)).rounded(.up))
            setSize += 1 << (2 * power)
        }
        var result: [Int] = []
        result.reserveCapacity(k)
        if n <= setSize {
            var pool = Array(0..<n)
            for i in 0..<k {
                let j = randbelow(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = randbelow(n)
                while selected.contains(j) { j = randbelow(n) }
                selected.insert(j)
                result.append(j)
            }
        }
        return result
    }

    /// `choices(population, k=k)` without weights: indices
    /// `floor(random() * count)`.
    public func choices(count n: Int, k: Int) throws(PyFormatError) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(max(k, 0))
        for _ in 0..<max(k, 0) {
            let index = Int((random() * Double(n)).rounded(.down))
            if index >= n { throw PyFormatError(type: "IndexError", message: "list index out of range") }
            result.append(index)
        }
        return result
    }

    /// `choices(population, cum_weights=…, k=k)` (plain `weights` are
    /// accumulated by the caller, as `itertools.accumulate` would):
    /// `bisect(cum_weights, random() * total, 0, n - 1)`.
    public func choices(cumulativeWeights: [Double], k: Int) throws(PyFormatError) -> [Int] {
        guard let total = cumulativeWeights.last else {
            throw PyFormatError(type: "IndexError", message: "list index out of range")
        }
        if !(total > 0) { throw .valueError("Total of weights must be greater than zero") }
        if !total.isFinite { throw .valueError("Total of weights must be finite") }
        let high = cumulativeWeights.count - 1
        return (0..<max(k, 0)).map { _ in
            let x = random() * total
            var low = 0
            var upper = high
            while low < upper {
                let middle = (low + upper) / 2
                if x < cumulativeWeights[middle] { upper = middle } else { low = middle + 1 }
            }
            return low
        }
    }

    /// Python's `//` on ints (rounds toward negative infinity).
    static func floorDivide(_ a: BigInt, _ b: BigInt) -> BigInt {
        let (quotient, remainder) = a.quotientAndRemainder(dividingBy: b)
        return !remainder.isZero && (remainder.sign == .minus) != (b.sign == .minus) ? quotient - 1 : quotient
    }
}
