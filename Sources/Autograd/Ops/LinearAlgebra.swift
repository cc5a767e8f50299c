// Derivative table, matrix products (GEMM underneath, see MatrixProducts).
//   mm(a, b):        ∂a = g·bᵀ,  ∂b = aᵀ·g
//   addmm(c, a, b):  ∂c = g (reduced),  ∂a = g·bᵀ,  ∂b = aᵀ·g
//   mv(m, v):        ∂m = g ⊗ v,  ∂v = mᵀ·g
//   dot(a, b):       ∂a = g·b,  ∂b = g·a
//   bmm(a, b):       per batch like mm

extension Tensor {
    /// `torch.mm`: 2-D × 2-D.
    public func mm(_ b: Tensor, opName: String = "mm") throws -> Tensor {
        let a = self
        guard a.dim == 2 else { throw TorchError.runtime("\(opName): self must be a matrix, got \(a.dim)-D tensor") }
        guard b.dim == 2 else { throw TorchError.runtime("\(opName): mat2 must be a matrix, got \(b.dim)-D tensor") }
        guard a.shape[1] == b.shape[0] else {
            throw TorchError.runtime("\(opName): mat1 and mat2 shapes cannot be multiplied (\(a.shape[0])x\(a.shape[1]) and \(b.shape[0])x\(b.shape[1]))")
        }
        try MatrixProducts.checkSameDType(a, b)
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let out = Tensor(storage: try MatrixProducts.multiply(a, b, m: m, k: k, n: n), shape: [m, n])
        guard Tensor.recordingNeeded(a, b) else { return out }
        return try out.recorded("MmBackward0", symbol: "@", inputs: [a, b], saving: [a, b],
                                tangent: { t in try Tangent.sum(t[0]?.mm(b), t[1].map { try a.mm($0) }) }) { g in
            [a.requiresGrad ? try Tensor.mmFirstGradient(g, a, b) : nil, b.requiresGrad ? try Tensor.mmSecondGradient(g, a, b) : nil]
        }
    }

    /// `torch.addmm(c, a, b)` = c + a·b (nn.Linear's kernel, AddmmBackward0).
    public static func addmm(_ c: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.dim == 2, b.dim == 2 else { throw TorchError.runtime("mat1 must be a matrix, got \(a.dim)-D tensor") }
        guard a.shape[1] == b.shape[0] else {
            throw TorchError.runtime("addmm: mat1 and mat2 shapes cannot be multiplied (\(a.shape[0])x\(a.shape[1]) and \(b.shape[0])x\(b.shape[1]))")
        }
        guard a.dtype == b.dtype else {
            throw TorchError.runtime("mat1 and mat2 must have the same dtype, but got \(a.dtype.scalarTypeName) and \(b.dtype.scalarTypeName)")
        }
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        _ = try untracked { try c.expand([m, n]) }
        let out = Tensor(storage: try MatrixProducts.multiply(a, b, m: m, k: k, n: n, addend: c), shape: [m, n])
        return try out.recorded("AddmmBackward0", symbol: "addmm", inputs: [c, a, b], saving: [a, b],
                                tangent: { t in try Tangent.sum(t[0], t[1]?.mm(b), t[2].map { try a.mm($0) }) }) { g in
            [c.requiresGrad ? try g.sumToShape(c.shape) : nil,
             a.requiresGrad ? try Tensor.mmFirstGradient(g, a, b) : nil,
             b.requiresGrad ? try Tensor.mmSecondGradient(g, a, b) : nil]
        }
    }

    /// ∂a of a·b, oriented as PyTorch's `mm_mat1_backward`: when a is a transposed
    /// (column-major) view, (b·gᵀ)ᵀ, so the product and its rounding are PyTorch's.
    static func mmFirstGradient(_ g: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.strides[0] == 1 && a.strides[1] == a.shape[0] { return try b.mm(g.t()).t() }
        return try g.mm(b.t())
    }

    /// ∂b of a·b, as PyTorch's `mm_mat2_backward`: (gᵀ·a)ᵀ when b is a transposed view
    /// (the common `x @ w.t()`), else aᵀ·g.
    static func mmSecondGradient(_ g: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        if b.strides[0] == 1 && b.strides[1] == b.shape[0] { return try g.t().mm(a).t() }
        return try a.t().mm(g)
    }

    /// `torch.mv`: matrix × vector.
    public func mv(_ v: Tensor) throws -> Tensor {
        let m = self
        guard m.dim == 2, v.dim == 1 else { throw TorchError.runtime("vector + matrix @ vector expected, got \(m.dim), \(m.dim), \(v.dim)") }
        guard m.shape[1] == v.shape[0] else {
            throw TorchError.runtime("size mismatch, got input (\(m.shape[0])), mat (\(m.shape[0])x\(m.shape[1])), vec (\(v.shape[0]))")
        }
        guard m.dtype == v.dtype else {
            // PyTorch's addmv names the result (the vector's dtype), the matrix and the vector.
            let (md, vd) = (m.dtype.scalarTypeName, v.dtype.scalarTypeName)
            throw TorchError.runtime("addmv input tensors must have the same dtype, but got \(vd), \(md), and \(vd)")
        }
        let column = MatrixProducts.vectorAsMatrix(v, rows: v.count, cols: 1)
        let out = Tensor(storage: try MatrixProducts.multiply(m, column, m: m.shape[0], k: m.shape[1], n: 1), shape: [m.shape[0]])
        return try out.recorded("MvBackward0", symbol: "@", inputs: [m, v], saving: [m, v],
                                tangent: { t in try Tangent.sum(t[0]?.mv(v), t[1].map { try m.mv($0) }) }) { g in
            [m.requiresGrad ? try g.unsqueeze(1).mul(v.unsqueeze(0)) : nil,
             v.requiresGrad ? try m.t().mv(g) : nil]
        }
    }

    /// `torch.dot`: vector · vector.
    public func dot(_ b: Tensor) throws -> Tensor {
        let a = self
        guard a.dim == 1, b.dim == 1 else {
            throw TorchError.runtime("1D tensors expected, but got \(a.dim)D and \(b.dim)D tensors")
        }
        guard a.count == b.count else {
            throw TorchError.runtime("inconsistent tensor size, expected tensor [\(a.count)] and src [\(b.count)] to have the same number of elements, but got \(a.count) and \(b.count) elements respectively")
        }
        guard a.dtype == b.dtype else {
            throw TorchError.runtime("dot : expected both vectors to have same dtype, but found \(a.dtype.scalarTypeName) and \(b.dtype.scalarTypeName)")
        }
        let row = MatrixProducts.vectorAsMatrix(a, rows: 1, cols: a.count), column = MatrixProducts.vectorAsMatrix(b, rows: b.count, cols: 1)
        let out = Tensor(storage: try MatrixProducts.multiply(row, column, m: 1, k: a.count, n: 1), shape: [])
        return try out.recorded("DotBackward0", symbol: "·", inputs: [a, b], saving: [a, b],
                                tangent: { t in try Tangent.sum(t[0]?.dot(b), t[1].map { try a.dot($0) }) }) { g in
            [a.requiresGrad ? try b.mul(g) : nil, b.requiresGrad ? try a.mul(g) : nil]
        }
    }

    /// `torch.bmm`: batched 3-D × 3-D.
    public func bmm(_ b: Tensor) throws -> Tensor {
        let a = self
        guard a.dim == 3 else { throw TorchError.runtime("batch1 must be a 3D tensor") }
        guard b.dim == 3 else { throw TorchError.runtime("batch2 must be a 3D tensor") }
        guard b.shape[0] == a.shape[0] && b.shape[1] == a.shape[2] else {
            throw TorchError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(a.shape[0]), \(a.shape[2])] but got: [\(b.shape[0]), \(b.shape[1])].")
        }
        try MatrixProducts.checkSameDType(a, b)
        let out = Tensor(storage: try MatrixProducts.multiply(a, b, m: a.shape[1], k: a.shape[2], n: b.shape[2], batch: a.shape[0]),
                         shape: [a.shape[0], a.shape[1], b.shape[2]])
        return try out.recorded("BmmBackward0", symbol: "@", inputs: [a, b], saving: [a, b],
                                tangent: { t in try Tangent.sum(t[0]?.bmm(b), t[1].map { try a.bmm($0) }) }) { g in
            [a.requiresGrad ? try g.bmm(b.transpose(1, 2)) : nil, b.requiresGrad ? try a.transpose(1, 2).bmm(g) : nil]
        }
    }

    /// `torch.matmul` / `@` with PyTorch's dispatch on dimensions.
    public func matmul(_ b: Tensor) throws -> Tensor {
        let a = self
        guard a.dim > 0 && b.dim > 0 else {
            throw TorchError.runtime("both arguments to matmul need to be at least 1D, but they are \(a.dim)D and \(b.dim)D")
        }
        switch (a.dim, b.dim) {
        case (1, 1): return try a.dot(b)
        case (2, 1): return try a.mv(b)
        case (1, 2): return try a.unsqueeze(0).mm(b).squeeze(0, recordAs: "SqueezeBackward4")
        case (2, 2): return try a.mm(b)
        default:
            // Batched: broadcast the batch dims, fold them, bmm, unfold (UnsafeViewBackward0).
            if b.dim <= 2 && a.dim >= 3 {
                // (…, n, k) @ (k, m): fold the batch into rows.
                let rows = Shape.count(Array(a.shape.dropLast()))
                let vecB = b.dim == 1
                let b2 = vecB ? try b.unsqueeze(1) : b
                guard a.shape.last! == b2.shape[0] else {
                    throw TorchError.runtime("mat1 and mat2 shapes cannot be multiplied (\(rows)x\(a.shape.last!) and \(b2.shape[0])x\(b2.shape[1]))")
                }
                let folded = try a.reshape([rows, a.shape.last!]).mm(b2)
                var outShape = Array(a.shape.dropLast())
                if !vecB { outShape.append(b2.shape[1]) }
                return try folded.unsafeView(outShape)
            }
            let a3 = a.dim == 1 ? try a.unsqueeze(0) : a
            let b3 = b.dim == 1 ? try b.unsqueeze(1) : b
            let batchA = Array(a3.shape.dropLast(2)), batchB = Array(b3.shape.dropLast(2))
            let batch = try Shape.broadcast(batchA, batchB)
            let n = a3.shape[a3.dim - 2], k = a3.shape[a3.dim - 1], k2 = b3.shape[b3.dim - 2], m = b3.shape[b3.dim - 1]
            guard k == k2 else {
                throw TorchError.runtime("Expected size for first two dimensions of batch2 tensor to be: [\(Shape.count(batch)), \(k)] but got: [\(Shape.count(batch)), \(k2)].")
            }
            let ae = try a3.expand(batch + [n, k]).reshape([Shape.count(batch), n, k])
            let be = try b3.expand(batch + [k, m]).reshape([Shape.count(batch), k, m])
            var outShape = batch
            if a.dim > 1 { outShape.append(n) }
            if b.dim > 1 { outShape.append(m) }
            return try ae.bmm(be).unsafeView(outShape)
        }
    }

    /// `torch.outer` = a[:, None] * b[None, :] (MulBackward0).
    public func outer(_ b: Tensor) throws -> Tensor {
        guard dim == 1 else { throw TorchError.runtime("outer: Expected 1-D argument self, but got \(dim)-D") }
        guard b.dim == 1 else { throw TorchError.runtime("outer: Expected 1-D argument vec2, but got \(b.dim)-D") }
        return try unsqueeze(1).mul(b.unsqueeze(0))
    }

    /// `_unsafe_view`: a reshape PyTorch records as `UnsafeViewBackward0`
    /// (after matmul or a layer folds and unfolds batch dims).
    public func unsafeView(_ newShape: [Int]) throws -> Tensor {
        let a = self
        let src = try untracked { try a.contiguous() }
        let out = src.makeView(shape: newShape, strides: Shape.contiguousStrides(newShape), offset: src.offset)
        return try out.recorded("UnsafeViewBackward0", symbol: "view", inputs: [a], tangent: { try $0[0]?.reshape(newShape) }) { g in [try g.reshape(a.shape)] }
    }
}
