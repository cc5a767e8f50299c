// Derivative table, views and shape changes. Views share storage with their
// base; their backward rules move g back into the base's shape, and their
// forward rules apply the same view to the tangent (ṫ is the input's tangent).

extension Tensor {
    /// A view of the same storage with new geometry.
    func makeView(shape: [Int], strides: [Int], offset: Int) -> Tensor {
        let t = Tensor(storage: storage, shape: shape, strides: strides, offset: offset)
        t.viewBase = viewBase ?? self
        t.shareVersionCounter(from: self)
        return t
    }

    /// Strides for viewing this tensor as `newShape` without copying, if possible.
    private func viewStrides(_ newShape: [Int]) -> [Int]? {
        if isContiguous { return Shape.contiguousStrides(newShape) }
        // General case: split/merge runs of dims that are contiguous among themselves.
        var oldShape: [Int] = [], oldStrides: [Int] = []
        for (s, st) in zip(shape, strides) where s != 1 { oldShape.append(s); oldStrides.append(st) }
        var result = [Int](repeating: 0, count: newShape.count)
        var oi = 0, ni = 0
        while ni < newShape.count {
            if newShape[ni] == 1 { result[ni] = 1; ni += 1; continue }
            guard oi < oldShape.count else { return nil }
            // Gather a chunk of old dims whose product equals a chunk of new dims.
            var oldProd = oldShape[oi], newProd = newShape[ni]
            var oEnd = oi, nEnd = ni
            while oldProd != newProd {
                if oldProd < newProd {
                    oEnd += 1
                    guard oEnd < oldShape.count else { return nil }
                    if oldStrides[oEnd - 1] != oldStrides[oEnd] * oldShape[oEnd] { return nil }
                    oldProd *= oldShape[oEnd]
                } else {
                    nEnd += 1
                    guard nEnd < newShape.count else { return nil }
                    newProd *= newShape[nEnd]
                }
            }
            var st = oldStrides[oEnd]
            for k in stride(from: nEnd, through: ni, by: -1) {
                result[k] = st
                st *= newShape[k]
            }
            oi = oEnd + 1
            ni = nEnd + 1
        }
        return oi == oldShape.count ? result : nil
    }

    // view:  ∂a = g.reshape(a.shape)
    public func view(_ requested: [Int]) throws -> Tensor {
        let a = self
        let newShape = try Shape.infer(requested, count: count)
        guard let st = viewStrides(newShape) else {
            throw TorchError.runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        let out = makeView(shape: newShape, strides: st, offset: offset)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("ViewBackward0", symbol: "view", inputs: [a],
                                tangent: { try $0[0]?.reshape(newShape) }) { g in [try g.reshape(a.shape)] }
    }

    /// reshape: a view when possible, else a copy (`UnsafeViewBackward0 ← CloneBackward0`).
    public func reshape(_ requested: [Int]) throws -> Tensor {
        let newShape = try Shape.infer(requested, count: count)
        if viewStrides(newShape) != nil { return try view(newShape) }
        let a = self
        let copy = try clone()
        let out = copy.makeView(shape: newShape, strides: Shape.contiguousStrides(newShape), offset: 0)
        return try out.recorded("UnsafeViewBackward0", symbol: "reshape", inputs: [copy],
                                tangent: { try $0[0]?.reshape(newShape) }) { g in [try g.reshape(a.shape)] }
    }

    // clone:  ∂a = g
    public func clone() throws -> Tensor {
        let out = try contiguousCopy()
        return try out.recorded("CloneBackward0", symbol: "clone", inputs: [self], tangent: { $0[0] }) { g in [g] }
    }

    public func contiguous() throws -> Tensor { isContiguous ? self : try clone() }

    // expand:  ∂a = g summed back to a's shape
    public func expand(_ requested: [Int]) throws -> Tensor {
        let a = self
        guard requested.count >= dim else {
            throw TorchError.runtime("expand(\(dtype.legacyTypeName){[\(shape.map(String.init).joined(separator: ", "))]}, size=[\(requested.map(String.init).joined(separator: ", "))]): the number of sizes provided (\(requested.count)) must be greater or equal to the number of dimensions in the tensor (\(dim))")
        }
        let lead = requested.count - dim
        var newShape = requested, newStrides = [Int](repeating: 0, count: requested.count)
        for i in 0..<requested.count {
            if i < lead {
                guard requested[i] >= 0 else { throw TorchError.runtime("The expanded size of the tensor (\(requested[i])) isn't allowed in a leading, non-existing dimension \(i)") }
                continue
            }
            let old = shape[i - lead]
            if requested[i] == -1 { newShape[i] = old }
            if newShape[i] == old {
                newStrides[i] = strides[i - lead]
            } else if old == 1 {
                newStrides[i] = 0
            } else {
                throw TorchError.runtime("The expanded size of the tensor (\(newShape[i])) must match the existing size (\(old)) at non-singleton dimension \(i).  Target sizes: [\(requested.map(String.init).joined(separator: ", "))].  Tensor sizes: [\(shape.map(String.init).joined(separator: ", "))]")
            }
        }
        if newShape == shape { return try self.sharingHistory() }
        let out = makeView(shape: newShape, strides: newStrides, offset: offset)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("ExpandBackward0", symbol: "expand", inputs: [a],
                                tangent: { try $0[0]?.expand(newShape) }) { g in [try g.sumToShape(a.shape)] }
    }

    /// expand to the same shape still returns a new tensor object in PyTorch.
    private func sharingHistory() throws -> Tensor {
        let a = self
        let out = makeView(shape: shape, strides: strides, offset: offset)
        return try out.recorded("ExpandBackward0", symbol: "expand", inputs: [a], tangent: { $0[0] }) { g in [g] }
    }

    // unsqueeze:  ∂a = g.squeeze(d)
    public func unsqueeze(_ d: Int) throws -> Tensor {
        let a = self
        let d = try Shape.wrapDim(d, rank: dim + 1)
        var s = shape, st = strides
        let newStride = d < dim ? strides[d] * shape[d] : 1
        s.insert(1, at: d)
        st.insert(newStride, at: d)
        let out = makeView(shape: s, strides: st, offset: offset)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("UnsqueezeBackward0", symbol: "unsqueeze", inputs: [a],
                                tangent: { try $0[0]?.unsqueeze(d) }) { g in [try g.squeeze(d)] }
    }

    /// squeeze() of all size-1 dims (SqueezeBackward0) or of one dim (SqueezeBackward1).
    public func squeeze(_ d: Int? = nil) throws -> Tensor { try squeeze(d, recordAs: d == nil ? "SqueezeBackward0" : "SqueezeBackward1") }

    /// squeeze recorded under a given name (matmul's in-place `squeeze_(0)` is SqueezeBackward4).
    func squeeze(_ d: Int?, recordAs name: String) throws -> Tensor {
        let a = self
        var keep: [Int]
        if let d {
            let w = try Shape.wrapDim(d, rank: dim)
            keep = Array(0..<dim).filter { !(dim > 0 && $0 == w && shape[$0] == 1) }
        } else {
            keep = Array(0..<dim).filter { shape[$0] != 1 }
        }
        let out = makeView(shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
        let outShape = out.shape
        return try out.recorded(name, symbol: "squeeze", inputs: [a],
                                tangent: { try $0[0]?.reshape(outShape) }) { g in [try g.reshape(a.shape)] }
    }

    /// transpose(d0, d1); `t()` records TBackward0, `.T`/permute PermuteBackward0.
    public func transpose(_ d0: Int, _ d1: Int, name: String = "TransposeBackward0") throws -> Tensor {
        let a = self
        let i = try Shape.wrapDim(d0, rank: dim), j = try Shape.wrapDim(d1, rank: dim)
        var s = shape, st = strides
        if dim > 0 { s.swapAt(i, j); st.swapAt(i, j) }
        let out = makeView(shape: s, strides: st, offset: offset)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded(name, symbol: "ᵀ", inputs: [a],
                                tangent: { try $0[0]?.transpose(i, j, name: name) }) { g in [try g.transpose(i, j, name: name)] }
    }

    public func t() throws -> Tensor {
        guard dim <= 2 else {
            throw TorchError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(dim)D")
        }
        return dim < 2 ? try transpose(0, 0, name: "TBackward0") : try transpose(0, 1, name: "TBackward0")
    }

    // permute:  ∂a = g.permute(inverse)
    public func permute(_ order: [Int]) throws -> Tensor {
        let a = self
        guard order.count == dim else {
            throw TorchError.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(dim) is not equal to len(dims) = \(order.count)")
        }
        let p = try order.map { try Shape.wrapDim($0, rank: dim) }
        guard Set(p).count == p.count else { throw TorchError.runtime("permute(): duplicate dims are not allowed.") }
        let out = makeView(shape: p.map { shape[$0] }, strides: p.map { strides[$0] }, offset: offset)
        var inverse = [Int](repeating: 0, count: p.count)
        for (i, d) in p.enumerated() { inverse[d] = i }
        return try out.recorded("PermuteBackward0", symbol: "permute", inputs: [a],
                                tangent: { try $0[0]?.permute(p) }) { g in [try g.permute(inverse)] }
    }

    /// `.T`: reverses all dims (PermuteBackward0).
    public func reversedDims() throws -> Tensor { try permute(Array((0..<dim).reversed())) }

    // select(d, i):  ∂a = zeros with g placed at index i of dim d
    public func select(_ d: Int, _ index: Int) throws -> Tensor {
        let a = self
        guard dim > 0 else { throw TorchError.index("select() cannot be applied to a 0-dim tensor.") }
        let d = try Shape.wrapDim(d, rank: dim)
        let size = shape[d]
        guard index >= -size && index < size else {
            throw TorchError.index("index \(index) is out of bounds for dimension \(d) with size \(size)")
        }
        let i = index < 0 ? index + size : index
        var s = shape, st = strides
        s.remove(at: d); st.remove(at: d)
        let out = makeView(shape: s, strides: st, offset: offset + i * strides[d])
        return try out.recorded("SelectBackward0", symbol: "[\(i)]", inputs: [a],
                                tangent: { try $0[0]?.select(d, i) }) { g in
            [try Tensor.scatterSelect(g, into: a.shape, dim: d, index: i)]
        }
    }

    /// Zeros of `shape` with `g` written at index i of dim `d`: select's backward,
    /// differentiable in g (SelectBackwardBackward0: ∂g = gg.select(d, i)).
    static func scatterSelect(_ g: Tensor, into shape: [Int], dim d: Int, index i: Int) throws -> Tensor {
        let out = try Tensor.zeros(shape, dtype: g.dtype)
        var s = shape, st = out.strides
        s.remove(at: d); st.remove(at: d)
        let window = out.makeView(shape: s, strides: st, offset: i * out.strides[d])
        try untracked { try window.assign(g) }
        return try out.recorded("SelectBackwardBackward0", inputs: [g],
                                tangent: { try $0[0].map { try scatterSelect($0, into: shape, dim: d, index: i) } }) { gg in
            [try gg.select(d, i)]
        }
    }

    // slice(d, start, end, step):  ∂a = zeros with g placed in the slice
    public func slice(_ d: Int, start: Int?, end: Int?, step: Int = 1) throws -> Tensor {
        let a = self
        guard step > 0 else { throw TorchError.value("step must be greater than zero") }
        let d = try Shape.wrapDim(d, rank: dim)
        let size = shape[d]
        func clampIndex(_ v: Int?, _ def: Int) -> Int {
            guard var v else { return def }
            if v < 0 { v += size }
            return Swift.min(Swift.max(v, 0), size)
        }
        let lo = clampIndex(start, 0), hi = Swift.max(clampIndex(end, size), clampIndex(start, 0))
        let n = (hi - lo + step - 1) / step
        var s = shape, st = strides
        s[d] = n
        st[d] = strides[d] * step
        let out = makeView(shape: s, strides: st, offset: offset + lo * strides[d])
        return try out.recorded("SliceBackward0", symbol: "[:]", inputs: [a],
                                tangent: { try $0[0]?.slice(d, start: lo, end: hi, step: step) }) { g in
            [try Tensor.scatterSlice(g, into: a.shape, dim: d, start: lo, step: step, dtype: g.dtype)]
        }
    }

    // unfold(d, size, step): a view of every window of `size` elements along d,
    // `step` apart; the windows' positions go in d, their elements in a new
    // last dim.  ∂a = each window's gradient added back where the window was.
    public func unfold(_ dimension: Int, size: Int, step: Int) throws -> Tensor {
        let a = self
        let d = try Shape.wrapDim(dimension, rank: Swift.max(dim, 1))
        let length = dim == 0 ? 1 : shape[d]
        guard size <= length else {
            throw TorchError.runtime("maximum size for tensor at dimension \(d) is \(length) but size is \(size)")
        }
        guard step > 0 else { throw TorchError.runtime("step is \(step) but must be > 0") }
        let windows = (length - size) / step + 1
        let stride = dim == 0 ? 1 : strides[d]
        var s = shape, st = strides
        if dim == 0 {
            s = [size]
            st = [1]
        } else {
            s[d] = windows
            st[d] = stride * step
            s.append(size)
            st.append(stride)
        }
        let out = makeView(shape: s, strides: st, offset: offset)
        guard Tensor.recordingNeeded(a) else { return out }
        return try out.recorded("UnfoldBackward0", symbol: "unfold", inputs: [a],
                                tangent: { try $0[0]?.unfold(d, size: size, step: step) }) { g in
            [try Tensor.foldWindows(g, into: a.shape, dim: d, size: size, step: step)]
        }
    }

    /// unfold's backward: the sum, over windows, of each window's gradient
    /// placed where the window was (differentiable in g).
    static func foldWindows(_ g: Tensor, into shape: [Int], dim d: Int, size: Int, step: Int) throws -> Tensor {
        guard !shape.isEmpty else { return try g.reshape([]) }
        // One window's gradient has the window's elements last; they go back to dim d.
        let rank = shape.count
        let order = Array(0..<d) + [rank - 1] + Array(d..<(rank - 1))
        var total = try Tensor.zeros(shape, dtype: g.dtype)
        for window in 0..<g.shape[d] {
            let part = try g.select(d, window).permute(order)
            total = try total.add(scatterSlice(part, into: shape, dim: d, start: window * step, step: 1, dtype: g.dtype))
        }
        return total
    }

    /// Zeros of `shape` with `g` written at positions start, start+step, … of dim `d`
    /// (differentiable in g, so slicing supports double backward).
    static func scatterSlice(_ g: Tensor, into shape: [Int], dim d: Int, start: Int, step: Int, dtype: DType) throws -> Tensor {
        let out = try Tensor.zeros(shape, dtype: dtype)
        var st = out.strides
        st[d] *= step
        let window = out.makeView(shape: g.shape, strides: st, offset: start * out.strides[d])
        try untracked { try window.assign(g) }
        return try out.recorded("SliceBackwardBackward0", inputs: [g],
                                tangent: { try $0[0].map { try scatterSlice($0, into: shape, dim: d, start: start, step: step, dtype: dtype) } }) { gg in
            [try gg.slice(d, start: start, end: start + step * g.shape[d], step: step)]
        }
    }

    /// Writes `src` (broadcast to self's shape, converted to self's dtype)
    /// into self's elements, through any strides. No autograd.
    func assign(_ src: Tensor) throws {
        let offsets = elementOffsets()
        let shapeOK = try Shape.broadcast(shape, src.shape) == shape
        guard shapeOK else {
            throw TorchError.runtime("output with shape [\(shape.map(String.init).joined(separator: ", "))] doesn't match the broadcast shape [\(try Shape.broadcast(shape, src.shape).map(String.init).joined(separator: ", "))]")
        }
        switch dtype {
        case .float32:
            let values = ElementwiseKernel.operand(src, shape: shape, values: { $0.converted(.float32).floats() })
            switch values {
            case .array(let v): for (i, o) in offsets.enumerated() { storage.f32[o] = v[i] }
            case .scalar(let s): for o in offsets { storage.f32[o] = s }
            }
        default:
            let values = ElementwiseKernel.operand(src, shape: shape, values: { $0.converted(self.dtype).doubles() })
            switch values {
            case .array(let v): for (i, o) in offsets.enumerated() { storage.setDouble(o, v[i]) }
            case .scalar(let s): for o in offsets { storage.setDouble(o, s) }
            }
        }
        bumpVersion()
    }
}
