// Derivative table, layer normalisation (one fused primitive on PyTorch's
// kernels, LayerNormKernels), over the trailing dims that `normalized_shape`
// names, with x̂ = (x − μ)·r, r = 1/√(var + eps) per row:
//   y = x̂·w + b                                   (NativeLayerNormBackward0)
//   ∂x = r·(g·w − mean(g·w) − x̂·mean(g·w·x̂)),  ∂w = Σ g·x̂,  ∂b = Σ g
//   (sums over the leading dims, means over the normalised ones)
//   forward mode: ẏ = r·(ẋ − mean(ẋ) − x̂·mean(x̂·ẋ))·w + x̂·ẇ + ḃ
// With create_graph the backward is built from differentiable ops instead of
// the kernel, so second derivatives exist (the kernel's last bits do not
// matter there).

extension Tensor {
    /// `torch.layer_norm(input, normalized_shape, weight, bias, eps)`.
    public func layerNorm(_ normalizedShape: [Int], weight: Tensor? = nil, bias: Tensor? = nil, eps: Double = 1e-5) throws -> Tensor {
        try checkLayerNormArguments(normalizedShape, weight: weight, bias: bias)
        let columns = Shape.count(normalizedShape)
        let rows = columns == 0 ? 0 : count / columns
        if dtype == .float32 {
            return try layerNormRecorded(Float.self, normalizedShape, rows, columns, weight, bias, eps)
        }
        return try layerNormRecorded(Double.self, normalizedShape, rows, columns, weight, bias, eps)
    }

    /// `_check_layer_norm_inputs` and the kernel's dtype dispatch, with PyTorch's messages.
    private func checkLayerNormArguments(_ normalizedShape: [Int], weight: Tensor?, bias: Tensor?) throws {
        let described = Shape.bracketed(normalizedShape)
        guard !normalizedShape.isEmpty else {
            throw TorchError.runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = \(described)")
        }
        for (name, t) in [("weight", weight), ("bias", bias)] {
            if let t, t.shape != normalizedShape {
                throw TorchError.runtime("Expected \(name) to be of same shape as normalized_shape, but got \(name) of shape \(Shape.bracketed(t.shape)) and normalized_shape = \(described)")
            }
        }
        guard dim >= normalizedShape.count, Array(shape.suffix(normalizedShape.count)) == normalizedShape else {
            let expected = normalizedShape.map { ", \($0)" }.joined()
            throw TorchError.runtime("Given normalized_shape=\(described), expected input with shape [*\(expected)], but got input of size\(Shape.bracketed(shape))")
        }
        guard dtype.isFloatingPoint else {
            throw TorchError.notImplemented("\"LayerNormKernelImpl\" not implemented for '\(dtype.scalarTypeName)'")
        }
        for t in [weight, bias].compactMap({ $0 }) where t.dtype != dtype {
            throw TorchError.runtime(dtype == .float32 ? "mixed dtype (CPU): expect parameter to have scalar type of Float"
                                                       : "mixed dtype (CPU): all inputs must share same datatype.")
        }
    }

    private func layerNormRecorded<T: KernelFloat & StorageElement>(
        _: T.Type, _ normalizedShape: [Int], _ rows: Int, _ columns: Int, _ weight: Tensor?, _ bias: Tensor?, _ eps: Double
    ) throws -> Tensor {
        try MemoryAccounting.check(elements: count, dtype: dtype)
        let dt = dtype
        // elements(as:) reads any layout in row-major order, as `expect_contiguous` hands the kernel.
        let x = elements(as: T.self)
        let w = weight?.elements(as: T.self), b = bias?.elements(as: T.self)
        let (y, stats) = LayerNormKernels.forward(x, rows: rows, columns: columns, weight: w, bias: b, eps: T(eps))
        let out = Tensor(storage: T.storage(y, dtype: dt), shape: shape)
        let input = self
        let inputs = [input] + [weight, bias].compactMap { $0 }
        let dims = Array((dim - normalizedShape.count)..<dim)
        // μ and r as tensors shaped to broadcast against the input (forward mode only).
        func statistic(_ values: [T]) -> Tensor {
            Tensor(storage: T.storage(values, dtype: dt), shape: Array(input.shape.prefix(input.dim - dims.count)) + dims.map { _ in 1 })
        }
        return try out.recorded("NativeLayerNormBackward0", symbol: "layer_norm", inputs: inputs, saving: [input] + [weight].compactMap { $0 },
                                tangent: { t in
            let normalized = try input.sub(statistic(stats.mean)).mul(statistic(stats.rstd))
            var result: Tensor? = nil
            if let dx = t[0] {
                let centered = try dx.sub(dx.mean(dims: dims, keepdim: true))
                let projected = try normalized.mul(normalized.mul(dx).mean(dims: dims, keepdim: true))
                let part = try centered.sub(projected).mul(statistic(stats.rstd))
                result = try weight.map { try part.mul($0) } ?? part
            }
            if weight != nil, let dw = t[1] {
                let part = try normalized.mul(dw)
                result = try result.map { try $0.add(part) } ?? part
            }
            if bias != nil, let db = t[weight == nil ? 1 : 2] {
                result = try result.map { try $0.add(db) } ?? db.expand(input.shape)
            }
            return result
        }) { g in
            let wants = (input.requiresGrad, weight?.requiresGrad ?? false, bias?.requiresGrad ?? false)
            var grads: [Tensor?]
            if GradMode.isEnabled {
                grads = try input.layerNormGradientsByOps(g, dims: dims, normalizedShape: normalizedShape, weight: weight, eps: eps)
            } else {
                let dy = (g.dtype == dt ? g : g.converted(dt)).elements(as: T.self)
                let k = LayerNormKernels.backward(dy, x, rows: rows, columns: columns, statistics: stats, weight: w,
                                                  wantInput: wants.0, wantWeight: wants.1, wantBias: wants.2)
                func tensor(_ v: [T]?, _ shape: [Int]) -> Tensor? { v.map { Tensor(storage: T.storage($0, dtype: dt), shape: shape) } }
                grads = [tensor(k.input, input.shape), tensor(k.weight, normalizedShape), tensor(k.bias, normalizedShape)]
            }
            var result: [Tensor?] = [wants.0 ? grads[0] : nil]
            if weight != nil { result.append(wants.1 ? grads[1] : nil) }
            if bias != nil { result.append(wants.2 ? grads[2] : nil) }
            return InputGradients(result)
        }
    }

    /// The input, weight and bias gradients from differentiable ops (for create_graph).
    private func layerNormGradientsByOps(_ g: Tensor, dims: [Int], normalizedShape: [Int], weight: Tensor?, eps: Double) throws -> [Tensor?] {
        let centered = try sub(mean(dims: dims, keepdim: true))
        let rstd = try centered.mul(centered).mean(dims: dims, keepdim: true).add(Tensor.wrapped(eps, dtype: .float64)).rsqrt()
        let normalized = try centered.mul(rstd)
        let gw = try weight.map { try g.mul($0) } ?? g
        let projected = try normalized.mul(gw.mul(normalized).mean(dims: dims, keepdim: true))
        let dx = try gw.sub(gw.mean(dims: dims, keepdim: true)).sub(projected).mul(rstd)
        return [dx, try g.mul(normalized).sumToShape(normalizedShape), try g.sumToShape(normalizedShape)]
    }
}
