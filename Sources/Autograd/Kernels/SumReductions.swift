/// `sum`, `mean` and `prod` over a whole tensor or along one axis of a contiguous
/// row-major tensor. Floating sums follow PyTorch's summation order exactly.
public enum SumReductions {
    /// `t.sum()`: bit-identical to PyTorch for float32 and float64.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func sum<T: KernelFloat>(_ values: [T]) -> T {
        values.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return 0 }
            return CascadeSum.sumAll(start, count: buffer.count, threads: TorchThreads.count)
        }
    }

    /// `t.mean()`: the sum divided by the count in T, as PyTorch's CPU mean does
    /// (nan for an empty tensor).
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func mean<T: KernelFloat>(_ values: [T]) -> T {
        sum(values) / T(values.count)
    }

    /// `t.sum(dim)` over the `axis` of `split`; the result is `outer × inner`, row-major.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func sum<T: KernelFloat>(_ values: [T], _ split: AxisSplit) -> [T] {
        // A reduction to one element is a whole-tensor sum to PyTorch, threads included.
        if split.resultCount == 1 { return [sum(values)] }
        var result = [T](repeating: 0, count: split.resultCount)
        guard split.axis > 0 else { return result }
        values.withUnsafeBufferPointer { buffer in
            result.withUnsafeMutableBufferPointer { output in
                guard let input = buffer.baseAddress, let out = output.baseAddress else { return }
                for block in 0..<split.outer {
                    let slice = input + block * split.axis * split.inner
                    if split.inner == 1 {
                        out[block] = 0 + CascadeSum.sumContiguous(slice, count: split.axis)
                    } else {
                        CascadeSum.sumColumns(
                            slice, axis: split.axis, inner: split.inner, into: out + block * split.inner)
                    }
                }
            }
        }
        return result
    }

    /// `t.mean(dim)`: each sum divided by the axis size in T.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func mean<T: KernelFloat>(_ values: [T], _ split: AxisSplit) -> [T] {
        let count = T(split.axis)
        return sum(values, split).map { $0 / count }
    }

    /// `t.sum(dims)` over any set of dims, in PyTorch's order. One reduced block (after
    /// merging neighbours) is the single-axis kernel; with several, each line of the
    /// innermost reduced block is cascade-summed and the line sums are added in order.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func sum<T: KernelFloat>(_ values: [T], _ layout: ReductionLayout) -> [T] {
        if layout.reducedCount == 0 { return [T](repeating: 0, count: layout.resultCount) }
        if let split = layout.singleAxis { return sum(values, split) }
        let reduced = layout.blocks.filter(\.isReduced)
        guard let line = reduced.last else { return [] }
        if reduced.count == 1 { return stridedSum(values, layout) }
        let outerReduced = ReductionLayout.offsets(of: Array(reduced.dropLast()))
        let kept = ReductionLayout.offsets(of: layout.blocks.filter { !$0.isReduced })
        var result = [T](repeating: 0, count: kept.count)
        values.withUnsafeBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            for (slot, base) in kept.enumerated() {
                var total: T = 0
                for offset in outerReduced {
                    let first = start + layout.offset + base + offset
                    total += line.stride == 1
                        ? CascadeSum.sumContiguous(first, count: line.size)
                        : CascadeSum.sumRow(count: line.size) { first[$0 * line.stride] }
                }
                result[slot] = total
            }
        }
        return result
    }

    /// One reduced block of a strided view: PyTorch's `cascade_sum` on the 2-d loop
    /// (reduced block × innermost kept block), whose strides pick the algorithm:
    /// a contiguous reduced block is summed line by line (vectorised), a contiguous
    /// kept block column-wise (vectorised), otherwise the scalar loop runs along
    /// the smaller stride.
    private static func stridedSum<T: KernelFloat>(_ values: [T], _ layout: ReductionLayout) -> [T] {
        let reduced = layout.blocks.first(where: \.isReduced)!
        var kept = layout.blocks.filter { !$0.isReduced }
        let columns = kept.popLast() ?? ReductionLayout.Block(size: 1, isReduced: false, stride: 0)
        let lanes = T.SumVector.scalarCount
        var result = [T](repeating: 0, count: layout.resultCount)
        values.withUnsafeBufferPointer { buffer in
            result.withUnsafeMutableBufferPointer { output in
                guard let input = buffer.baseAddress, let out = output.baseAddress else { return }
                for (index, base) in ReductionLayout.offsets(of: kept).enumerated() {
                    let start = input + layout.offset + base
                    let slots = out + index * columns.size
                    if reduced.stride == 1 && reduced.size >= lanes {
                        for column in 0..<columns.size {
                            slots[column] = 0 + CascadeSum.sumContiguous(start + column * columns.stride, count: reduced.size)
                        }
                    } else if columns.stride == 1 && columns.size >= lanes {
                        CascadeSum.sumColumns(start, axis: reduced.size, rowStride: reduced.stride, columns: columns.size,
                                              columnStride: 1, into: slots)
                    } else if reduced.stride < columns.stride {
                        for column in 0..<columns.size {
                            let line = start + column * columns.stride
                            slots[column] = 0 + CascadeSum.sumRow(count: reduced.size) { line[$0 * reduced.stride] }
                        }
                    } else {
                        CascadeSum.sumColumns(start, axis: reduced.size, rowStride: reduced.stride, columns: columns.size,
                                              columnStride: columns.stride, into: slots)
                    }
                }
            }
        }
        return result
    }

    /// `t.mean(dims)`: each sum divided by the number of elements it reduces.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func mean<T: KernelFloat>(_ values: [T], _ layout: ReductionLayout) -> [T] {
        let count = T(layout.reducedCount)
        return sum(values, layout).map { $0 / count }
    }

    /// `t.sum()` of an integer (or bool, as 0/1) tensor: int64, wrapping on overflow.
    public static func sum(_ values: [Int64]) -> Int64 {
        values.reduce(0, &+)
    }

    public static func sum(_ values: [Int64], _ split: AxisSplit) -> [Int64] {
        reduce(values, split, initial: 0, &+)
    }

    /// `t.prod()`, multiplied in order (PyTorch's vectorised order may differ in the last bit).
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func prod<T: KernelFloat>(_ values: [T]) -> T {
        values.reduce(1, *)
    }

    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func prod<T: KernelFloat>(_ values: [T], _ split: AxisSplit) -> [T] {
        reduce(values, split, initial: 1, *)
    }

    public static func prod(_ values: [Int64]) -> Int64 {
        values.reduce(1, &*)
    }

    public static func prod(_ values: [Int64], _ split: AxisSplit) -> [Int64] {
        reduce(values, split, initial: 1, &*)
    }

    /// Folds each line along the axis in index order.
    static func reduce<Element>(
        _ values: [Element], _ split: AxisSplit, initial: Element,
        _ combine: (Element, Element) -> Element
    ) -> [Element] {
        var result = [Element](repeating: initial, count: split.resultCount)
        for block in 0..<split.outer {
            for position in 0..<split.axis {
                let rowStart = (block * split.axis + position) * split.inner
                for column in 0..<split.inner {
                    let slot = block * split.inner + column
                    result[slot] = combine(result[slot], values[rowStart + column])
                }
            }
        }
        return result
    }
}
