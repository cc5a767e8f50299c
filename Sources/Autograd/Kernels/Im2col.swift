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
                        for outColumn in 0..<outWidth {
                            let inColumn = outColumn * g.strideWidth - g.paddingWidth
                                + kernelColumn * g.dilationWidth
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
                        for outColumn in 0..<outWidth {
                            let inColumn = outColumn * g.strideWidth - g.paddingWidth
                                + kernelColumn * g.dilationWidth
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
