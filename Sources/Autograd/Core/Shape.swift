/// Shape arithmetic shared by all ops: element counts, contiguous strides,
/// broadcasting and dimension wrapping, with PyTorch's error texts.
public enum Shape {
    public static func count(_ shape: [Int]) -> Int { shape.reduce(1, *) }

    /// Row-major strides of a contiguous tensor of this shape.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        // Literals for scalars and vectors: the general path's `init(repeating:count:)`
        // costs a runtime metadata lookup, a noticeable part of a scalar op.
        switch shape.count {
        case 0: return []
        case 1: return [1]
        default: break
        }
        var strides = [Int](repeating: 1, count: shape.count)
        var running = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = running
            running *= max(shape[d], 1)
        }
        return strides
    }

    /// The broadcast shape of two shapes, or PyTorch's error. Dims are
    /// checked from the last one, as PyTorch does, so the error names the
    /// innermost mismatch.
    public static func broadcast(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let da = i < n - a.count ? 1 : a[i - (n - a.count)]
            let db = i < n - b.count ? 1 : b[i - (n - b.count)]
            if da == db || db == 1 {
                out[i] = da
            } else if da == 1 {
                out[i] = db
            } else {
                throw TorchError.runtime("The size of tensor a (\(da)) must match the size of tensor b (\(db)) at non-singleton dimension \(i)")
            }
        }
        return out
    }

    /// Offsets of every element of `shape` in row-major order, walking
    /// `strides` from `base` (stride 0 repeats a dim, as broadcasting does).
    public static func offsets(_ shape: [Int], strides: [Int], base: Int = 0) -> [Int] {
        let n = count(shape)
        var result = [Int](repeating: 0, count: n)
        guard n > 0 else { return result }
        var index = [Int](repeating: 0, count: shape.count)
        var current = base
        for i in 0..<n {
            result[i] = current
            var d = shape.count - 1
            while d >= 0 {
                index[d] += 1
                current += strides[d]
                if index[d] < shape[d] { break }
                current -= strides[d] * shape[d]
                index[d] = 0
                d -= 1
            }
        }
        return result
    }

    /// Wraps a possibly negative dim into 0..<rank (a 0-d tensor accepts -1 and 0).
    public static func wrapDim(_ dim: Int, rank: Int) throws -> Int {
        let r = max(rank, 1)
        guard dim >= -r && dim < r else {
            throw TorchError.index("Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }

    /// `torch.Size([2, 3])`.
    public static func describe(_ shape: [Int]) -> String {
        "torch.Size([" + shape.map(String.init).joined(separator: ", ") + "])"
    }

    /// Resolves one `-1` in a requested view/reshape shape.
    public static func infer(_ requested: [Int], count: Int) throws -> [Int] {
        var shape = requested
        var inferred: Int? = nil
        var known = 1
        for (i, d) in requested.enumerated() {
            if d == -1 {
                if inferred != nil { throw TorchError.runtime("only one dimension can be inferred") }
                inferred = i
            } else if d < 0 {
                throw TorchError.runtime("invalid shape dimension \(d)")
            } else {
                known *= d
            }
        }
        if let i = inferred {
            if known == 0 || count % known != 0 {
                throw TorchError.runtime("shape '[\(requested.map(String.init).joined(separator: ", "))]' is invalid for input of size \(count)")
            }
            shape[i] = count / known
        } else if known != count {
            throw TorchError.runtime("shape '[\(requested.map(String.init).joined(separator: ", "))]' is invalid for input of size \(count)")
        }
        return shape
    }
}
