/// Unfolding image patches into matrix columns and folding them back, so that a
/// convolution becomes one matrix product per image.
enum Im2col {
    /// Writes the `patchSize × outputPlane` matrix whose column l holds the receptive
    /// field of output position l (zeros where it overlaps the padding).
    static func unfold<T: KernelFloat>(
        image: UnsafePointer<T>, geometry g: Conv2dGeometry, into columns: UnsafeMutablePointer<T>
    ) {
        let outHeight = g.outHeight, outWidth = g.outWidth
        var row = 0
        for channel in 0..<g.inChannels {
            let plane = image + channel * g.height * g.width
            for kernelRow in 0..<g.kernelHeight {
                for kernelColumn in 0..<g.kernelWidth {
                    let destination = columns + row * outHeight * outWidth
                    for outRow in 0..<outHeight {
                        let inRow = outRow * g.strideHeight - g.paddingHeight + kernelRow * g.dilationHeight
                        let line = destination + outRow * outWidth
                        guard inRow >= 0 && inRow < g.height else {
                            line.update(repeating: 0, count: outWidth)
                            continue
                        }
                        let source = plane + inRow * g.width
                        let shift = kernelColumn * g.dilationWidth - g.paddingWidth
                        if g.strideWidth == 1 {
                            // Contiguous: zeros where the window hangs over the padding, one copy between.
                            let first = min(max(0, -shift), outWidth), end = max(first, min(outWidth, g.width - shift))
                            line.update(repeating: 0, count: first)
                            (line + first).update(from: source + first + shift, count: end - first)
                            (line + end).update(repeating: 0, count: outWidth - end)
                            continue
                        }
                        for outColumn in 0..<outWidth {
                            let inColumn = outColumn * g.strideWidth + shift
                            line[outColumn] = inColumn >= 0 && inColumn < g.width ? source[inColumn] : 0
                        }
                    }
                    row += 1
                }
            }
        }
    }

    /// Adds each column entry back onto the image position it was unfolded from.
    static func foldAdding<T: KernelFloat>(
        columns: UnsafePointer<T>, geometry g: Conv2dGeometry, into image: UnsafeMutablePointer<T>
    ) {
        let outHeight = g.outHeight, outWidth = g.outWidth
        var row = 0
        for channel in 0..<g.inChannels {
            let plane = image + channel * g.height * g.width
            for kernelRow in 0..<g.kernelHeight {
                for kernelColumn in 0..<g.kernelWidth {
                    let source = columns + row * outHeight * outWidth
                    for outRow in 0..<outHeight {
                        let inRow = outRow * g.strideHeight - g.paddingHeight + kernelRow * g.dilationHeight
                        guard inRow >= 0 && inRow < g.height else { continue }
                        let line = source + outRow * outWidth
                        let destination = plane + inRow * g.width
                        let shift = kernelColumn * g.dilationWidth - g.paddingWidth
                        if g.strideWidth == 1 {
                            let first = min(max(0, -shift), outWidth), end = max(first, min(outWidth, g.width - shift))
                            for outColumn in first..<end { destination[outColumn + shift] += line[outColumn] }
                            continue
                        }
                        for outColumn in 0..<outWidth {
                            let inColumn = outColumn * g.strideWidth + shift
                            if inColumn >= 0 && inColumn < g.width {
                                destination[inColumn] += line[outColumn]
                            }
                        }
                    }
                    row += 1
                }
            }
        }
    }
}
