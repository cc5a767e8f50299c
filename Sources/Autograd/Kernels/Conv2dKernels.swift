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
        var gradients = Gradients<T>()
        if needsBias { gradients.bias = biasGradient(gradOutput: gradOutput, geometry: g) }
        if needsInput { gradients.input = inputGradient(gradOutput: gradOutput, weight: weight, geometry: g) }
        if needsWeight { gradients.weight = weightGradient(gradOutput: gradOutput, input: input, geometry: g) }
        return gradients
    }

    /// Σ of the output gradient over images and positions, per output channel.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func biasGradient<T: KernelFloat>(gradOutput: [T], geometry g: Conv2dGeometry) -> [T] {
        let plane = g.outputPlane
        var gradBias = [T](repeating: 0, count: g.outChannels)
        for image in 0..<g.batch {
            for channel in 0..<g.outChannels {
                let start = (image * g.outChannels + channel) * plane
                for position in 0..<plane { gradBias[channel] += gradOutput[start + position] }
            }
        }
        return gradBias
    }

    /// dX: per image, dColumns = Wᵀ (CKK×OC) · dY (OC×L), folded back onto the image.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func inputGradient<T: KernelFloat>(gradOutput: [T], weight: [T], geometry g: Conv2dGeometry) -> [T] {
        let plane = g.outputPlane, imageSize = g.inChannels * g.height * g.width
        var gradInput = [T](repeating: 0, count: g.batch * imageSize)
        guard plane > 0, g.batch > 0 else { return gradInput }
        var columns = [T](repeating: 0, count: g.patchSize * plane)
        gradOutput.withUnsafeBufferPointer { gradOutput in
            weight.withUnsafeBufferPointer { weight in
                columns.withUnsafeMutableBufferPointer { columns in
                    gradInput.withUnsafeMutableBufferPointer { gradInput in
                        guard let gradOutputStart = gradOutput.baseAddress, let weightStart = weight.baseAddress,
                              let columnStart = columns.baseAddress, let gradInputStart = gradInput.baseAddress
                        else { return }
                        for image in 0..<g.batch {
                            GEMM.multiply(
                                transposeA: true, m: g.patchSize, n: plane, k: g.outChannels,
                                a: weightStart, lda: g.patchSize, b: gradOutputStart + image * g.outChannels * plane,
                                ldb: plane, c: columnStart, ldc: plane)
                            Im2col.foldAdding(columns: columnStart, geometry: g, into: gradInputStart + image * imageSize)
                        }
                    }
                }
            }
        }
        return gradInput
    }

    /// dW = Σ over images of dY (OC×L) · columnsᵀ (L×CKK), accumulated image after image.
    @_specialize(exported: true, where T == Float)
    @_specialize(exported: true, where T == Double)
    public static func weightGradient<T: KernelFloat>(gradOutput: [T], input: [T], geometry g: Conv2dGeometry) -> [T] {
        let plane = g.outputPlane, imageSize = g.inChannels * g.height * g.width
        var gradWeight = [T](repeating: 0, count: g.outChannels * g.patchSize)
        guard plane > 0, g.batch > 0 else { return gradWeight }
        var columns = [T](repeating: 0, count: g.patchSize * plane)
        gradOutput.withUnsafeBufferPointer { gradOutput in
            input.withUnsafeBufferPointer { input in
                columns.withUnsafeMutableBufferPointer { columns in
                    gradWeight.withUnsafeMutableBufferPointer { gradWeight in
                        guard let gradOutputStart = gradOutput.baseAddress, let inputStart = input.baseAddress,
                              let columnStart = columns.baseAddress, let gradWeightStart = gradWeight.baseAddress
                        else { return }
                        for image in 0..<g.batch {
                            Im2col.unfold(image: inputStart + image * imageSize, geometry: g, into: columnStart)
                            GEMM.multiply(
                                transposeB: true, m: g.outChannels, n: g.patchSize, k: plane,
                                a: gradOutputStart + image * g.outChannels * plane, lda: plane, b: columnStart,
                                ldb: plane, beta: image == 0 ? 0 : 1, c: gradWeightStart, ldc: g.patchSize)
                        }
                    }
                }
            }
        }
        return gradWeight
    }
}
