/// `max_pool2d` (with argmax indices) and `avg_pool2d`, forward and backward, on
/// contiguous `N×C×H×W` data. Indices are flat within each `H×W` plane, as PyTorch's
/// `return_indices=True` gives them.
public enum Pool2dKernels {
    /// Window maxima and where they are. The first maximum in row-major scan order
    /// wins a tie; a NaN wins over any number (the last NaN of the window).
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func maxPoolForward<T: KernelFloat>(
        _ input: [T], geometry g: Pool2dGeometry
    ) -> (values: [T], indices: [Int64]) {
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        var values = [T](repeating: 0, count: g.planes * outPlane)
        var indices = [Int64](repeating: 0, count: g.planes * outPlane)
        input.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { values in
                indices.withUnsafeMutableBufferPointer { indices in
                    var slot = 0
                    for plane in 0..<g.planes {
                        let source = input.baseAddress.map { $0 + plane * inPlane }
                        for outRow in 0..<g.outHeight {
                            var rowStart = outRow * g.strideHeight - g.paddingHeight
                            let rowEnd = min(rowStart + (g.kernelHeight - 1) * g.dilationHeight + 1, g.height)
                            while rowStart < 0 { rowStart += g.dilationHeight }
                            for outColumn in 0..<g.outWidth {
                                var columnStart = outColumn * g.strideWidth - g.paddingWidth
                                let columnEnd = min(
                                    columnStart + (g.kernelWidth - 1) * g.dilationWidth + 1, g.width)
                                while columnStart < 0 { columnStart += g.dilationWidth }
                                var best = -T.infinity
                                var bestIndex = rowStart * g.width + columnStart
                                if let source {
                                    var row = rowStart
                                    while row < rowEnd {
                                        var column = columnStart
                                        while column < columnEnd {
                                            let index = row * g.width + column
                                            let value = source[index]
                                            if value > best || value.isNaN {
                                                best = value
                                                bestIndex = index
                                            }
                                            column += g.dilationWidth
                                        }
                                        row += g.dilationHeight
                                    }
                                }
                                values[slot] = best
                                indices[slot] = Int64(bestIndex)
                                slot += 1
                            }
                        }
                    }
                }
            }
        }
        return (values, indices)
    }

    /// Routes each output gradient to the input element its window picked.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func maxPoolBackward<T: KernelFloat>(
        gradOutput: [T], indices: [Int64], geometry g: Pool2dGeometry
    ) -> [T] {
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        var gradInput = [T](repeating: 0, count: g.planes * inPlane)
        for plane in 0..<g.planes {
            for position in 0..<outPlane {
                let slot = plane * outPlane + position
                gradInput[plane * inPlane + Int(indices[slot])] += gradOutput[slot]
            }
        }
        return gradInput
    }

    /// Window means. With `countIncludePad` the divisor counts padding cells (but not
    /// cells past the padding that ceil mode adds); `divisorOverride` replaces it.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func avgPoolForward<T: KernelFloat>(
        _ input: [T], geometry g: Pool2dGeometry, countIncludePad: Bool = true,
        divisorOverride: Int? = nil
    ) -> [T] {
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        var output = [T](repeating: 0, count: g.planes * outPlane)
        for plane in 0..<g.planes {
            let inBase = plane * inPlane
            for outRow in 0..<g.outHeight {
                for outColumn in 0..<g.outWidth {
                    let window = averageWindow(g, outRow, outColumn)
                    guard !window.rows.isEmpty, !window.columns.isEmpty else { continue }
                    var sum: T = 0
                    for row in window.rows {
                        for column in window.columns { sum += input[inBase + row * g.width + column] }
                    }
                    let divisor = divisorOverride
                        ?? (countIncludePad ? window.paddedCount : window.rows.count * window.columns.count)
                    output[plane * outPlane + outRow * g.outWidth + outColumn] = sum / T(divisor)
                }
            }
        }
        return output
    }

    /// Spreads each output gradient evenly (by the forward divisor) over its window.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func avgPoolBackward<T: KernelFloat>(
        gradOutput: [T], geometry g: Pool2dGeometry, countIncludePad: Bool = true,
        divisorOverride: Int? = nil
    ) -> [T] {
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        var gradInput = [T](repeating: 0, count: g.planes * inPlane)
        for plane in 0..<g.planes {
            let inBase = plane * inPlane
            for outRow in 0..<g.outHeight {
                for outColumn in 0..<g.outWidth {
                    let window = averageWindow(g, outRow, outColumn)
                    guard !window.rows.isEmpty, !window.columns.isEmpty else { continue }
                    let divisor = divisorOverride
                        ?? (countIncludePad ? window.paddedCount : window.rows.count * window.columns.count)
                    let share = gradOutput[plane * outPlane + outRow * g.outWidth + outColumn] / T(divisor)
                    for row in window.rows {
                        for column in window.columns { gradInput[inBase + row * g.width + column] += share }
                    }
                }
            }
        }
        return gradInput
    }

    /// The input rows and columns an average window covers, and its size counting
    /// padding but clipped to the padded input.
    private static func averageWindow(
        _ g: Pool2dGeometry, _ outRow: Int, _ outColumn: Int
    ) -> (rows: Range<Int>, columns: Range<Int>, paddedCount: Int) {
        let rowStart = outRow * g.strideHeight - g.paddingHeight
        let columnStart = outColumn * g.strideWidth - g.paddingWidth
        let rowEnd = min(rowStart + g.kernelHeight, g.height + g.paddingHeight)
        let columnEnd = min(columnStart + g.kernelWidth, g.width + g.paddingWidth)
        let paddedCount = (rowEnd - rowStart) * (columnEnd - columnStart)
        let rows = max(rowStart, 0)..<max(max(rowStart, 0), min(rowEnd, g.height))
        let columns = max(columnStart, 0)..<max(max(columnStart, 0), min(columnEnd, g.width))
        return (rows, columns, paddedCount)
    }
}
