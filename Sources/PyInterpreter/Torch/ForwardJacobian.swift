import Autograd

extension AutogradFunctionalBinding {
    /// `jacfwd`'s Jacobian blocks, column by column in forward mode as functorch
    /// computes them: every input is dual, the differentiated element carrying
    /// a basis tangent and the rest zero tangents (so signed zeros come out as
    /// PyTorch's: −0 · k + 0 is +0). Blocks as `jacobianBlocks` gives them.
    static func forwardJacobianBlocks(_ f: TensorFunction, _ xs: [Tensor]) throws -> (blocks: [[Tensor]], outputsAreTuple: Bool) {
        var outputsAreTuple = false
        var outputs: [Tensor] = []
        // columns[o][j]: the flattened jvps of output o along each element of input j.
        var columns: [[[Tensor]]] = []
        func run(_ tangents: [Tensor]) throws -> [Tensor] {
            let (outs, jvps) = try ForwardAD.jvp({ duals in
                let (ys, isTuple) = try f(duals)
                outputsAreTuple = isTuple
                return ys
            }, primals: xs, tangents: tangents)
            if outputs.isEmpty {
                outputs = outs
                columns = outs.map { _ in xs.map { _ in [] } }
            }
            return jvps
        }
        let zeros = try xs.map { try Tensor.zerosLike($0) }
        if xs.allSatisfy({ $0.count == 0 }) { _ = try run(zeros) }
        for (j, x) in xs.enumerated() {
            for k in 0..<x.count {
                var basis = [Double](repeating: 0, count: x.count)
                basis[k] = 1
                var tangents = zeros
                tangents[j] = try Tensor.from(basis, shape: x.shape, dtype: x.dtype)
                for (o, jvp) in try run(tangents).enumerated() { columns[o][j].append(try jvp.reshape([-1])) }
            }
        }
        let blocks = try outputs.enumerated().map { o, y in
            try xs.enumerated().map { j, x -> Tensor in
                let column = columns[o][j]
                let matrix = column.isEmpty ? try Tensor.zeros([y.count, 0], dtype: y.dtype) : try Tensor.stack(column, dim: 1)
                return try matrix.reshape(y.shape + x.shape)
            }
        }
        return (blocks, outputsAreTuple)
    }
}
