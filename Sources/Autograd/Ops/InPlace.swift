// In-place ops (`add_`, `mul_`, `zero_`, `+=`, `a[i] = v`…). They write
// through views, bump the storage version (so stale saved tensors are
// detected), refuse to modify leaves that require grad (or views of them)
// while grad mode is on, and re-record history:
// - on a tensor that is not a view, the out-of-place op's node becomes the
//   tensor's grad_fn;
// - on a view, the base's history is rebased with a `CopySlices` node that
//   runs the op's rule on the view's region of the gradient and passes the
//   rest of the gradient through, and the view's grad_fn becomes
//   `AsStridedBackward0` of the base — PyTorch's view+in-place semantics.

extension Tensor {
    /// PyTorch's guard against modifying a leaf (or a view of one) that requires grad.
    func checkInPlaceAllowed() throws {
        guard GradMode.isEnabled else { return }
        if let base = viewBase {
            if base.requiresGrad && base.isLeaf {
                throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
            }
        } else if requiresGrad && isLeaf {
            throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// Applies `compute` (the out-of-place op, recorded with self as its
    /// first input) and stores its result in self.
    @discardableResult
    func applyInPlace(_ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        guard GradMode.isEnabled || ForwardAD.isActive else {
            let result = try compute(self)
            // The usual optimizer update: same dtype and shape, both contiguous — one copy.
            if result.dtype == dtype && result.shape == shape && isContiguous && result.isContiguous && dtype == .float32 {
                let n = count, source = result.storage.f32, from = result.offset, to = offset
                storage.f32.withUnsafeMutableBufferPointer { target in
                    source.withUnsafeBufferPointer { source in
                        for i in 0..<n { target[to + i] = source[from + i] }
                    }
                }
                bumpVersion()
                return self
            }
            try assign(result)
            return self
        }
        // The op reads a snapshot that carries self's history, so the values its
        // rule saved survive the overwrite below.
        let base = viewBase
        let snapshot = try contiguousCopy()
        if let base {
            snapshot.requiresGrad = base.requiresGrad
        } else {
            snapshot.requiresGrad = requiresGrad
            snapshot.gradFn = gradFn
        }
        snapshot.tangent = tangent
        let result = try compute(snapshot)
        let promoted = Promotion.promote(dtype, result.dtype)
        if promoted != dtype && !dtype.isFloatingPoint && result.dtype.isFloatingPoint {
            throw TorchError.runtime("result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        try assign(result)
        if let base {
            try rebaseViewHistory(base: base, result: result)
        } else if GradMode.isEnabled, let fn = result.gradFn, dtype.isFloatingPoint {
            gradFn = fn
            requiresGrad = true
        }
        if ForwardAD.isActive, let t = result.tangent {
            ForwardAD.attach(t, to: self)
        }
        return self
    }

    /// CopySlices on the base, AsStridedBackward0 on the view.
    private func rebaseViewHistory(base: Tensor, result: Tensor) throws {
        let region = try viewRegion(in: base)
        if ForwardAD.isActive, let t = result.tangent {
            let baseTangent = try base.tangent ?? Tensor.zerosLike(base)
            ForwardAD.attach(try untracked { try baseTangent.asStridedScatter(t, region) }, to: base)
            ForwardAD.attach(t, to: self)
        }
        guard GradMode.isEnabled, let fn = result.gradFn, base.dtype.isFloatingPoint else { return }
        let baseShape = base.shape
        let inner = fn
        let copySlices = Node(name: "CopySlices", symbol: "copy", inputs: [base.gradientEdge] + inner.inputs.dropFirst(),
                              saved: inner.saved) { g in
            let gc = try g.contiguous()
            let viewGrad = try gc.asStrided(region).contiguous()
            let grads = try inner.apply(viewGrad)
            let selfGrad = try (grads.count > 0 ? grads[0] : nil) ?? Tensor.zerosLike(viewGrad)
            let baseGrad = try gc.asStridedScatter(selfGrad.sumToShape(region.shape), region)
            return InputGradients([baseGrad] + grads.array.dropFirst())
        }
        base.gradFn = copySlices
        base.requiresGrad = true
        gradFn = Node(name: "AsStridedBackward0", symbol: "view", inputs: [base.gradientEdge], saved: []) { g in
            [try Tensor.zeros(baseShape, dtype: g.dtype).asStridedScatter(g, region)]
        }
        requiresGrad = true
    }

    @discardableResult public func addInPlace(_ b: Tensor, alpha: Double = 1) throws -> Tensor { try applyInPlace { try $0.add(b, alpha: alpha) } }
    @discardableResult public func subInPlace(_ b: Tensor, alpha: Double = 1) throws -> Tensor { try applyInPlace { try $0.sub(b, alpha: alpha) } }
    @discardableResult public func mulInPlace(_ b: Tensor) throws -> Tensor { try applyInPlace { try $0.mul(b) } }
    @discardableResult public func divInPlace(_ b: Tensor) throws -> Tensor { try applyInPlace { try $0.div(b) } }
    @discardableResult public func powInPlace(_ e: Double) throws -> Tensor { try applyInPlace { try $0.pow(e) } }
    @discardableResult public func reluInPlace() throws -> Tensor { try applyInPlace { try $0.relu() } }
    @discardableResult public func sigmoidInPlace() throws -> Tensor { try applyInPlace { try $0.sigmoid() } }
    @discardableResult public func tanhInPlace() throws -> Tensor { try applyInPlace { try $0.tanh() } }
    @discardableResult public func expInPlace() throws -> Tensor { try applyInPlace { try $0.exp() } }
    @discardableResult public func negInPlace() throws -> Tensor { try applyInPlace { try $0.neg() } }
    @discardableResult public func clampInPlace(min: Double?, max: Double?) throws -> Tensor {
        try applyInPlace { try $0.clamp(min: min, max: max) }
    }
    @discardableResult public func maskedFillInPlace(_ mask: Tensor, _ value: Tensor) throws -> Tensor {
        try applyInPlace { try $0.maskedFill(mask, value) }
    }

    /// `fill_(v)` (FillBackward2) / `zero_()` (ZeroBackward0): the result no
    /// longer depends on the old values. A tensor `v` routes its gradient (summed).
    @discardableResult public func fillInPlace(_ value: Double) throws -> Tensor {
        try applyInPlace { s in
            let out = try Tensor.full(s.shape, value, dtype: s.dtype)
            return try out.recorded(value == 0 ? "ZeroBackward0" : "FillBackward2", symbol: "fill", inputs: [s],
                                    tangent: { _ in try Tensor.zerosLike(out) }) { g in [try g.zerosLikeDifferentiable()] }
        }
    }

    @discardableResult public func fillInPlace(_ value: Tensor) throws -> Tensor {
        guard value.dim == 0 else {
            throw TorchError.runtime("fill_ only supports 0-dimension value tensor but got tensor with \(value.dim) dimensions.")
        }
        return try applyInPlace { s in
            let out = try untracked { try value.converted(s.dtype).expand(s.shape).contiguousCopy() }
            return try out.recorded("FillBackward3", symbol: "fill", inputs: [s, value],
                                    tangent: { t in try (t[1] ?? Tensor.zeros([], dtype: out.dtype)).expand(out.shape) }) { g in
                [try g.zerosLikeDifferentiable(), try g.sum()]
            }
        }
    }

    @discardableResult public func zeroInPlace() throws -> Tensor { try fillInPlace(0) }

    /// `copy_(src)`: gradient flows to src (reduced to its shape), none to the old values.
    @discardableResult public func copyInPlace(_ src: Tensor) throws -> Tensor {
        _ = try Shape.broadcast(shape, src.shape)
        return try applyInPlace { s in
            let out = try untracked { try src.converted(s.dtype).expand(s.shape).contiguousCopy() }
            guard src.dtype.isFloatingPoint || !src.requiresGrad else { return out }
            return try out.recorded("CopyBackwards", symbol: "copy", inputs: [s, src],
                                    tangent: { t in try t[1].map { try $0.converted(out.dtype).expand(out.shape) } ?? Tensor.zerosLike(out) }) { g in
                [try g.zerosLikeDifferentiable(), try g.sumToShape(src.shape).to(src.dtype)]
            }
        }
    }

    /// Zeros shaped like self (a gradient that no longer depends on anything).
    func zerosLikeDifferentiable() throws -> Tensor { try Tensor.zerosLike(self) }
}
