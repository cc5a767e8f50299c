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
        if T.self == Float.self, g.kernelHeight == 2, g.kernelWidth == 2, g.strideHeight == 2, g.strideWidth == 2,
           g.paddingHeight == 0, g.paddingWidth == 0, g.dilationHeight == 1, g.dilationWidth == 1,
           2 * g.outHeight <= g.height, 2 * g.outWidth <= g.width {
            // T is Float here: reinterpret the arrays instead of converting them element by element.
            let r = maxPool2x2(unsafeBitCast(input, to: [Float].self), g)
            return (unsafeBitCast(r.values, to: [T].self), r.indices)
        }
        let inPlane = g.height * g.width, outPlane = g.outHeight * g.outWidth
        var values = [T](repeating: 0, count: g.planes * outPlane)
        var indices = [Int64](repeating: 0, count: g.planes * outPlane)
        // Each output's clipped window (first row/column and their ends), shared by all planes.
        let rows = (0..<g.outHeight).map { windowRange($0, stride: g.strideHeight, padding: g.paddingHeight,
                                                      kernel: g.kernelHeight, dilation: g.dilationHeight, size: g.height) }
        let columns = (0..<g.outWidth).map { windowRange($0, stride: g.strideWidth, padding: g.paddingWidth,
                                                         kernel: g.kernelWidth, dilation: g.dilationWidth, size: g.width) }
        let rowStep = g.dilationHeight, columnStep = g.dilationWidth, width = g.width
        input.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { values in
                indices.withUnsafeMutableBufferPointer { indices in
                    guard let start = input.baseAddress, inPlane > 0 else { return }
                    var slot = 0
                    for plane in 0..<g.planes {
                        let source = start + plane * inPlane
                        for (rowStart, rowEnd) in rows {
                            for (columnStart, columnEnd) in columns {
                                var best = -T.infinity
                                var bestIndex = rowStart * width + columnStart
                                var row = rowStart
                                while row < rowEnd {
                                    var index = row * width + columnStart
                                    let last = row * width + columnEnd
                                    while index < last {
                                        let value = source[index]
                                        // Written as selects, so the compiler need not branch on the data.
                                        let better = value > best || value != value
                                        best = better ? value : best
                                        bestIndex = better ? index : bestIndex
                                        index += columnStep
                                    }
                                    row += rowStep
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

    /// The 2×2, stride-2 float case (the usual CNN pooling), eight outputs at a time:
    /// the even and odd columns of two input rows are the four window positions,
    /// compared in PyTorch's scan order with lane masks instead of branches.
    private static func maxPool2x2(_ input: [Float], _ g: Pool2dGeometry) -> (values: [Float], indices: [Int64]) {
        let width = g.width, inPlane = g.height * g.width, outWidth = g.outWidth, outPlane = g.outHeight * g.outWidth
        var values = [Float](repeating: 0, count: g.planes * outPlane)
        var indices = [Int64](repeating: 0, count: g.planes * outPlane)
        input.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { values in
                indices.withUnsafeMutableBufferPointer { indices in
                    guard let start = input.baseAddress else { return }
                    let raw = UnsafeRawPointer(start)
                    for plane in 0..<g.planes {
                        for outRow in 0..<g.outHeight {
                            let top = plane * inPlane + 2 * outRow * width, bottom = top + width
                            let slot0 = plane * outPlane + outRow * outWidth
                            let rowBase = Int32(2 * outRow * width)
                            var column = 0
                            // A vector reads 16 inputs per row: needs 2·(column + 8) ≤ width.
                            while 2 * (column + 8) <= width && column + 8 <= outWidth {
                                let upper = raw.loadUnaligned(fromByteOffset: (top + 2 * column) * 4, as: SIMD16<Float>.self)
                                let lower = raw.loadUnaligned(fromByteOffset: (bottom + 2 * column) * 4, as: SIMD16<Float>.self)
                                var best = upper.evenHalf
                                var offset = SIMD8<Int32>(repeating: 0)
                                for (candidate, code) in [(upper.oddHalf, Int32(1)), (lower.evenHalf, Int32(width)),
                                                          (lower.oddHalf, Int32(width + 1))] {
                                    let take = (candidate .> best) .| (candidate .!= candidate)
                                    best.replace(with: candidate, where: take)
                                    offset.replace(with: code, where: take)
                                }
                                for lane in 0..<8 {
                                    values[slot0 + column + lane] = best[lane]
                                    indices[slot0 + column + lane] = Int64(rowBase + Int32(2 * (column + lane)) + offset[lane])
                                }
                                column += 8
                            }
                            while column < outWidth {
                                var best = -Float.infinity
                                var bestIndex = 2 * outRow * width + 2 * column
                                for index in [bestIndex, bestIndex + 1, bestIndex + width, bestIndex + width + 1] {
                                    let value = start[plane * inPlane + index]
                                    if value > best || value.isNaN {
                                        best = value
                                        bestIndex = index
                                    }
                                }
                                values[slot0 + column] = best
                                indices[slot0 + column] = Int64(bestIndex)
                                column += 1
                            }
                        }
                    }
                }
            }
        }
        return (values, indices)
    }

    /// The first in-bounds position of an output's window and the end of its span.
    private static func windowRange(_ output: Int, stride: Int, padding: Int, kernel: Int, dilation: Int, size: Int) -> (Int, Int) {
        var first = output * stride - padding
        let end = min(first + (kernel - 1) * dilation + 1, size)
        while first < 0 { first += dilation }
        return (first, end)
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
