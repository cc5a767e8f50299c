/// `embedding_dense_backward_cpu`: each index adds its gradient row into the
/// weight gradient's row in index order, as `add_stub` with alpha = the
/// scale does (one fused multiply-add per element; alpha 1 is a plain add).
enum EmbeddingKernels {
    static func denseBackward<T: KernelFloat>(_ grad: [T], _ indices: [Int], rows: Int, columns: Int,
                                              paddingIndex: Int?, scaleGradByFrequency: Bool) -> [T] {
        var result = [T](repeating: 0, count: rows * columns)
        var counts: [Int] = []
        if scaleGradByFrequency {
            counts = [Int](repeating: 0, count: rows)
            for k in indices { counts[k] += 1 }
        }
        for (i, k) in indices.enumerated() where k != paddingIndex {
            let source = i * columns, target = k * columns
            if scaleGradByFrequency {
                let scale = T(1.0 / Double(counts[k]))
                for j in 0..<columns { result[target + j] = result[target + j].addingProduct(grad[source + j], scale) }
            } else {
                for j in 0..<columns { result[target + j] += grad[source + j] }
            }
        }
        return result
    }
}
