/// 2-d convolution (groups = 1) by im2col and GEMM, forward and backward.
/// Layouts are contiguous row-major: input `N×C×H×W`, weight `OC×C×KH×KW`,
/// output `N×OC×OH×OW`.
public enum Conv2dKernels {
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func forward<T: KernelFloat>(
        input: [T], weight: [T], bias: [T]?, geometry g: Conv2dGeometry
    ) -> [T] {
        let plane = g.outputPlane
        var output = [T](repeating: 0, count: g.batch * g.outChannels * plane)
        guard plane > 0, g.batch > 0 else { return output }
        var columns = [T](repeating: 0, count: g.patchSize * plane)
        input.withUnsafeBufferPointer { input in
            weight.withUnsafeBufferPointer { weight in
                columns.withUnsafeMutableBufferPointer { columns in
                    output.withUnsafeMutableBufferPointer { output in
                        guard let inputStart = input.baseAddress, let weightStart = weight.baseAddress,
                              let columnStart = columns.baseAddress, let outputStart = output.baseAddress
                        else { return }
                        for image in 0..<g.batch {
                            Im2col.unfold(
                                image: inputStart + image * g.inChannels * g.height * g.width,
                                geometry: g, into: columnStart)
                            let result = outputStart + image * g.outChannels * plane
                            if let bias {
                                for channel in 0..<g.outChannels {
                                    (result + channel * plane).update(repeating: bias[channel], count: plane)
                                }
                            }
                            GEMM.multiply(
                                m: g.outChannels, n: plane, k: g.patchSize, a: weightStart, lda: g.patchSize,
                                b: columnStart, ldb: plane, beta: bias == nil ? 0 : 1, c: result, ldc: plane)
                        }
                    }
                }
            }
        }
        return output
    }

    /// The gradients a conv2d call passes back; each is nil unless asked for.
    public struct Gradients<T: KernelFloat> {
        public var input: [T]?
        public var weight: [T]?
        public var bias: [T]?
    }

    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func backward<T: KernelFloat>(
        gradOutput: [T], input: [T], weight: [T], geometry g: Conv2dGeometry,
        needsInput: Bool = true, needsWeight: Bool = true, needsBias: Bool = false
    ) -> Gradients<T> {
        let plane = g.outputPlane
        var gradients = Gradients<T>()
        if needsBias {
            var gradBias = [T](repeating: 0, count: g.outChannels)
            for image in 0..<g.batch {
                for channel in 0..<g.outChannels {
                    let start = (image * g.outChannels + channel) * plane
                    for position in 0..<plane { gradBias[channel] += gradOutput[start + position] }
                }
            }
            gradients.bias = gradBias
        }
        guard needsInput || needsWeight else { return gradients }
        var gradInput = [T](repeating: 0, count: needsInput ? input.count : 0)
        var gradWeight = [T](repeating: 0, count: needsWeight ? weight.count : 0)
        var columns = [T](repeating: 0, count: g.patchSize * plane)
        if plane > 0 {
            gradOutput.withUnsafeBufferPointer { gradOutput in
                input.withUnsafeBufferPointer { input in
                    weight.withUnsafeBufferPointer { weight in
                        columns.withUnsafeMutableBufferPointer { columns in
                            gradInput.withUnsafeMutableBufferPointer { gradInput in
                                gradWeight.withUnsafeMutableBufferPointer { gradWeight in
                                    guard let gradOutputStart = gradOutput.baseAddress,
                                          let inputStart = input.baseAddress,
                                          let weightStart = weight.baseAddress,
                                          let columnStart = columns.baseAddress else { return }
                                    let imageSize = g.inChannels * g.height * g.width
                                    for image in 0..<g.batch {
                                        let gradImage = gradOutputStart + image * g.outChannels * plane
                                        if needsWeight, let gradWeightStart = gradWeight.baseAddress {
                                            Im2col.unfold(
                                                image: inputStart + image * imageSize, geometry: g,
                                                into: columnStart)
                                            // dW += dY (OC×L) · columnsᵀ (L×CKK)
                                            GEMM.multiply(
                                                transposeB: true, m: g.outChannels, n: g.patchSize, k: plane,
                                                a: gradImage, lda: plane, b: columnStart, ldb: plane,
                                                beta: image == 0 ? 0 : 1, c: gradWeightStart, ldc: g.patchSize)
                                        }
                                        if needsInput, let gradInputStart = gradInput.baseAddress {
                                            // dColumns = Wᵀ (CKK×OC) · dY (OC×L), folded back onto dX.
                                            GEMM.multiply(
                                                transposeA: true, m: g.patchSize, n: plane, k: g.outChannels,
                                                a: weightStart, lda: g.patchSize, b: gradImage, ldb: plane,
                                                c: columnStart, ldc: plane)
                                            Im2col.foldAdding(
                                                columns: columnStart, geometry: g,
                                                into: gradInputStart + image * imageSize)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        if needsInput { gradients.input = gradInput }
        if needsWeight { gradients.weight = gradWeight }
        return gradients
    }
}
