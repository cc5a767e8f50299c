// Comparisons, logical ops and selection. Comparisons have no gradient;
// `where` routes g to whichever branch each element came from.

extension Tensor {
    public func eq(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b, ==) }
    public func ne(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b, !=) }
    public func lt(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b, <) }
    public func le(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b, <=) }
    public func gt(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b, >) }
    public func ge(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b, >=) }

    public func logicalAnd(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b) { $0 != 0 && $1 != 0 } }
    public func logicalOr(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b) { $0 != 0 || $1 != 0 } }
    public func logicalXor(_ b: Tensor) throws -> Tensor { try ElementwiseKernel.compare(self, b) { ($0 != 0) != ($1 != 0) } }
    public func logicalNot() throws -> Tensor { try ElementwiseKernel.compare(self, Tensor.wrapped(0, dtype: .bool)) { x, _ in x == 0 } }

    // where(c, x, y):  ∂x = g masked by c,  ∂y = g masked by ¬c
    public static func `where`(_ condition: Tensor, _ x: Tensor, _ y: Tensor) throws -> Tensor {
        let shape = try Shape.broadcast(Shape.broadcast(condition.shape, x.shape), y.shape)
        let dtype = Promotion.resultType(x, y)
        let mask = ElementwiseKernel.operand(condition, shape: shape, values: { $0.bools() })
        let xs = ElementwiseKernel.operand(x, shape: shape, values: { $0.converted(dtype).doubles() })
        let ys = ElementwiseKernel.operand(y, shape: shape, values: { $0.converted(dtype).doubles() })
        let n = Shape.count(shape)
        try MemoryAccounting.check(elements: n, dtype: dtype)
        func at<T>(_ o: ElementwiseKernel.Operand<T>, _ i: Int) -> T {
            switch o { case .array(let v): return v[i]; case .scalar(let s): return s }
        }
        var values = [Double](repeating: 0, count: n)
        for i in 0..<n { values[i] = at(mask, i) ? at(xs, i) : at(ys, i) }
        let out = try Tensor.from(values, shape: shape, dtype: dtype)
        return try out.recorded("WhereBackward0", symbol: "where", inputs: [x, y], saving: [condition],
                                tangent: { t in
                                    let zero = Tensor.wrapped(0, dtype: .int64)
                                    return try Tensor.where(condition, t[0] ?? zero, t[1] ?? zero)
                                }) { g in
            let zero = Tensor.wrapped(0, dtype: .int64)
            return [x.requiresGrad ? try reduceGrad(Tensor.where(condition, g, zero), to: x) : nil,
                    y.requiresGrad ? try reduceGrad(Tensor.where(condition, zero, g), to: y) : nil]
        }
    }
}
