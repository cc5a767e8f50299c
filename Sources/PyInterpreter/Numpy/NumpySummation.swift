import Autograd

/// NumPy's float sums, bit for bit: `pairwise_sum` (8 accumulators, blocks
/// of 128, halves above) when the reduced axes are the array's innermost
/// ones, a plain running sum otherwise (NumPy adds whole rows into the
/// output then). float32 arrays accumulate in float32, as NumPy does.
/// `mean`, `var` and `std` are built from this sum as numpy/_core/_methods.py does.
enum NumpySummation {
    static func sum(_ t: Tensor, axes: [Int], keepdim: Bool) throws -> Tensor {
        let reduced = Array(Set(axes)).sorted()
        let kept = (0..<t.dim).filter { !reduced.contains($0) }
        let blocks = try GradMode.with(enabled: false) { try t.permute(kept + reduced).contiguousCopy() }
        let blockSize = reduced.reduce(1) { $0 * t.shape[$1] }
        let innermost = reduced == Array((t.dim - reduced.count)..<t.dim)
        let values = blocks.doubles()
        let outputs = blockSize == 0 ? kept.reduce(1) { $0 * t.shape[$1] } : values.count / blockSize
        var sums: [Double] = []
        sums.reserveCapacity(outputs)
        for o in 0..<outputs {
            let block = blockSize == 0 ? [] : values[(o * blockSize)..<((o + 1) * blockSize)]
            if t.dtype == .float32 {
                let floats = block.map { Float($0) }[...]
                sums.append(Double(innermost ? pairwise(floats) : sequential(floats)))
            } else {
                sums.append(innermost ? pairwise(block) : sequential(block))
            }
        }
        let shape = keepdim ? t.shape.enumerated().map { reduced.contains($0.offset) ? 1 : $0.element } : kept.map { t.shape[$0] }
        return try Tensor.from(sums, shape: shape, dtype: t.dtype)
    }

    static func mean(_ t: Tensor, axes: [Int], keepdim: Bool) throws -> Tensor {
        let count = axes.reduce(1) { $0 * t.shape[$1] }
        return try sum(t, axes: axes, keepdim: keepdim).div(Tensor.scalar(Double(count), dtype: t.dtype))
    }

    static func variance(_ t: Tensor, axes: [Int], keepdim: Bool, ddof: Double) throws -> Tensor {
        let count = Double(axes.reduce(1) { $0 * t.shape[$1] })
        let centered = try t.sub(mean(t, axes: axes, keepdim: true))
        let squares = try centered.mul(centered)
        return try sum(squares, axes: axes, keepdim: keepdim).div(Tensor.scalar(Swift.max(count - ddof, 0), dtype: t.dtype))
    }

    static func pairwise<T: BinaryFloatingPoint>(_ a: ArraySlice<T>) -> T {
        let n = a.count, start = a.startIndex
        if n < 8 { return sequential(a) }
        if n <= 128 {
            var r = Array(a[start..<(start + 8)])
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += a[start + i + j] }
                i += 8
            }
            var result = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { result += a[start + i]; i += 1 }
            return result
        }
        var half = n / 2
        half -= half % 8
        return pairwise(a[start..<(start + half)]) + pairwise(a[(start + half)...])
    }

    static func sequential<T: BinaryFloatingPoint>(_ a: ArraySlice<T>) -> T {
        var result: T = 0
        for x in a { result += x }
        return result
    }
}
