// How a reduction walks its input: a contiguous buffer where output element
// o = (oₒ, oᵢ) reduces the n elements at oₒ·n·inner + j·inner + oᵢ.

struct AxisReductionLayout {
    let outer: Int
    let n: Int
    let inner: Int
    /// The result's shape without and with kept (size-1) reduced dims.
    let shape: [Int]
    let keptShape: [Int]

    var outputCount: Int { outer * inner }

    @inline(__always) func base(_ o: Int) -> Int { (o / inner) * n * inner + o % inner }
}

extension Tensor {
    /// The contiguous data and layout for reducing over `dims` (all dims if empty).
    func axisReductionLayout(_ dims: [Int]) throws -> (data: Tensor, layout: AxisReductionLayout) {
        let wrapped = dim == 0 ? [] : Array(Set(try dims.map { try Shape.wrapDim($0, rank: dim) })).sorted()
        let reduced = dims.isEmpty ? Array(0..<dim) : wrapped
        var shape: [Int] = [], kept: [Int] = []
        for (d, s) in self.shape.enumerated() {
            if reduced.contains(d) { kept.append(1) } else { shape.append(s); kept.append(s) }
        }
        let n = reduced.reduce(1) { $0 * self.shape[$1] }
        if reduced.count <= 1 {
            let d = reduced.first ?? 0
            let outer = dim == 0 ? 1 : self.shape[..<d].reduce(1, *)
            let inner = dim == 0 ? 1 : self.shape[(d + 1)...].reduce(1, *)
            return (try untracked { try contiguous() }, AxisReductionLayout(outer: outer, n: n, inner: inner, shape: shape, keptShape: kept))
        }
        let others = (0..<dim).filter { !reduced.contains($0) }
        let data = try untracked { try permute(others + reduced).contiguous() }
        return (data, AxisReductionLayout(outer: Shape.count(shape), n: n, inner: 1, shape: shape, keptShape: kept))
    }

    /// Float values of a contiguous tensor as Double (exact for float32).
    func contiguousDoubles() -> [Double] {
        switch dtype {
        case .float64: return offset == 0 && storage.f64.count == count ? storage.f64 : doubles()
        default: return doubles()
        }
    }

    /// Re-inserts reduced dims as size 1 so a reduced gradient broadcasts back.
    func restoringReducedDims(_ layout: AxisReductionLayout, keepdim: Bool) throws -> Tensor {
        keepdim || shape == layout.keptShape ? self : try reshape(layout.keptShape)
    }
}
