// In-place ops (`add_`, `mul_`, `zero_`, `+=`…). They write through views,
// bump the storage version (so stale saved tensors are detected), refuse to
// modify leaves that require grad while grad mode is on, and otherwise
// re-record the tensor's history with the out-of-place rule.

extension Tensor {
    /// PyTorch's guard against modifying a leaf (or a view of one) that requires grad.
    func checkInPlaceAllowed() throws {
        guard GradMode.isEnabled else { return }
        if requiresGrad && isLeaf && viewBase == nil {
            throw TorchError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base = viewBase, base.requiresGrad && base.isLeaf && isLeaf && requiresGrad == false && base.requiresGrad {
            throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        if let base = viewBase, base.requiresGrad, base.isLeaf {
            throw TorchError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// Applies `compute` (the out-of-place op) and stores its result in self.
    private func inPlace(_ compute: (Tensor) throws -> Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        let previous = gradientEdge
        let result = try compute(self)
        let promoted = Promotion.promote(dtype, result.dtype)
        if promoted != dtype && !(dtype.isFloatingPoint) && result.dtype.isFloatingPoint {
            throw TorchError.runtime("result type \(result.dtype.scalarTypeName) can't be cast to the desired output type \(dtype.scalarTypeName)")
        }
        try assign(result)
        if GradMode.isEnabled, result.requiresGrad, let fn = result.gradFn {
            // Reuse the rule of the out-of-place op, whose first input was self.
            let name = fn.name
            var otherEdges = Array(fn.inputs.dropFirst())
            otherEdges.insert(previous, at: 0)
            gradFn = Node(name: name, symbol: fn.symbol, inputs: otherEdges, saved: fn.saved, rule: fn.rule)
            requiresGrad = true
        }
        return self
    }

    @discardableResult public func addInPlace(_ b: Tensor, alpha: Double = 1) throws -> Tensor { try inPlace { try $0.add(b, alpha: alpha) } }
    @discardableResult public func subInPlace(_ b: Tensor, alpha: Double = 1) throws -> Tensor { try inPlace { try $0.sub(b, alpha: alpha) } }
    @discardableResult public func mulInPlace(_ b: Tensor) throws -> Tensor { try inPlace { try $0.mul(b) } }
    @discardableResult public func divInPlace(_ b: Tensor) throws -> Tensor { try inPlace { try $0.div(b) } }
    @discardableResult public func powInPlace(_ e: Double) throws -> Tensor { try inPlace { try $0.pow(e) } }
    @discardableResult public func reluInPlace() throws -> Tensor { try inPlace { try $0.relu() } }

    /// `zero_()` / `fill_(v)`: the result no longer depends on the old values.
    @discardableResult public func fillInPlace(_ value: Double) throws -> Tensor {
        try checkInPlaceAllowed()
        try assign(Tensor.wrapped(value, dtype: .float64).converted(dtype))
        if GradMode.isEnabled && requiresGrad && !isLeaf {
            rebaseHistory("FillBackward0", previous: nil) { g in [try g.mul(Tensor.wrapped(0, dtype: .int64))] }
        }
        return self
    }

    @discardableResult public func zeroInPlace() throws -> Tensor { try fillInPlace(0) }

    /// `copy_(src)`: gradient flows to src (reduced to its shape), none to the old values.
    @discardableResult public func copyInPlace(_ src: Tensor) throws -> Tensor {
        try checkInPlaceAllowed()
        try assign(src)
        if GradMode.isEnabled && (src.requiresGrad || (requiresGrad && !isLeaf)) {
            gradFn = Node(name: "CopyBackwards", symbol: "copy", inputs: [nil, src.gradientEdge], saved: []) { g in
                [nil, try g.sumToShape(src.shape).converted(src.dtype)]
            }
            requiresGrad = true
        }
        return self
    }
}
