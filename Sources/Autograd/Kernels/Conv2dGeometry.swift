/// The sizes of one `conv2d` call (groups = 1), validated with PyTorch's messages.
public struct Conv2dGeometry: Equatable, Sendable {
    public let batch: Int
    public let inChannels: Int
    public let height: Int
    public let width: Int
    public let outChannels: Int
    public let kernelHeight: Int
    public let kernelWidth: Int
    public let strideHeight: Int
    public let strideWidth: Int
    public let paddingHeight: Int
    public let paddingWidth: Int
    public let dilationHeight: Int
    public let dilationWidth: Int
    /// Whether the input had no batch dimension (`C×H×W`); the output then has none either.
    public let isUnbatched: Bool

    public var outHeight: Int {
        (height + 2 * paddingHeight - dilationHeight * (kernelHeight - 1) - 1) / strideHeight + 1
    }

    public var outWidth: Int {
        (width + 2 * paddingWidth - dilationWidth * (kernelWidth - 1) - 1) / strideWidth + 1
    }

    /// `[N, OC, OH, OW]`, or `[OC, OH, OW]` for an unbatched input.
    public var outputShape: [Int] {
        isUnbatched ? [outChannels, outHeight, outWidth] : [batch, outChannels, outHeight, outWidth]
    }

    /// Rows of the unfolded input: `C × KH × KW`.
    var patchSize: Int { inChannels * kernelHeight * kernelWidth }
    /// Columns of the unfolded input: `OH × OW`.
    var outputPlane: Int { outHeight * outWidth }

    /// Checks a call the way `torch.nn.functional.conv2d` does, in PyTorch's order.
    /// - Parameters:
    ///   - inputShape: `[N, C, H, W]` or unbatched `[C, H, W]`.
    ///   - weightShape: `[OC, C, KH, KW]`.
    ///   - biasShape: nil when there is no bias.
    ///   - stride, padding, dilation: one value per spatial dimension (two), as PyTorch
    ///     expands them before checking.
    public init(
        inputShape: [Int], weightShape: [Int], biasShape: [Int]? = nil,
        stride: [Int] = [1, 1], padding: [Int] = [0, 0], dilation: [Int] = [1, 1]
    ) throws {
        guard inputShape.count == 3 || inputShape.count == 4 else {
            throw TorchError.runtime(
                "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                    + Self.listRepr(inputShape))
        }
        let unbatched = inputShape.count == 3
        let input = unbatched ? [1] + inputShape : inputShape
        let spatial = weightShape.count - 2
        for (name, values) in [("stride", stride), ("padding", padding), ("dilation", dilation)]
        where values.count != spatial {
            throw TorchError.runtime(
                "expected \(name) to be a single integer value or a list of \(spatial) values to "
                    + "match the convolution dimensions, but got \(name)=" + Self.listRepr(values))
        }
        if padding.contains(where: { $0 < 0 }) {
            throw TorchError.runtime("negative padding is not supported")
        }
        if stride.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime("non-positive stride is not supported")
        }
        if dilation.contains(where: { $0 <= 0 }) {
            throw TorchError.runtime(
                "dilation should be greater than zero, but got " + Self.listRepr(dilation))
        }
        guard weightShape.count == 4 else {
            throw TorchError.runtime(
                "Expected \(weightShape.count)-dimensional input for \(weightShape.count)-dimensional weight "
                    + "\(Self.listRepr(weightShape)), but got 4-dimensional input of size "
                    + "\(Self.listRepr(input)) instead")
        }
        if weightShape[0] < 1 {
            throw TorchError.runtime(
                "Given groups=1, expected weight to be at least 1 at dimension 0, but got weight of size "
                    + Self.listRepr(weightShape) + " instead")
        }
        if input[1] != weightShape[1] {
            throw TorchError.runtime(
                "Given groups=1, weight of size \(Self.listRepr(weightShape)), expected input"
                    + "\(Self.listRepr(input)) to have \(weightShape[1]) channels, but got "
                    + "\(input[1]) channels instead")
        }
        if let biasShape, biasShape != [weightShape[0]] {
            throw TorchError.runtime(
                "Given weight of size \(Self.listRepr(weightShape)), expected bias to be 1-dimensional "
                    + "with \(weightShape[0]) elements, but got bias of size \(Self.listRepr(biasShape)) instead")
        }
        let padded = [input[2] + 2 * padding[0], input[3] + 2 * padding[1]]
        let effectiveKernel = [
            dilation[0] * (weightShape[2] - 1) + 1, dilation[1] * (weightShape[3] - 1) + 1,
        ]
        if padded[0] < effectiveKernel[0] || padded[1] < effectiveKernel[1] {
            throw TorchError.runtime(
                "Calculated padded input size per channel: (\(padded[0]) x \(padded[1])). "
                    + "Kernel size: (\(effectiveKernel[0]) x \(effectiveKernel[1])). "
                    + "Kernel size can't be greater than actual input size")
        }
        batch = input[0]
        inChannels = input[1]
        height = input[2]
        width = input[3]
        outChannels = weightShape[0]
        kernelHeight = weightShape[2]
        kernelWidth = weightShape[3]
        strideHeight = stride[0]
        strideWidth = stride[1]
        paddingHeight = padding[0]
        paddingWidth = padding[1]
        dilationHeight = dilation[0]
        dilationWidth = dilation[1]
        isUnbatched = unbatched
    }

    /// PyTorch's IntArrayRef repr: `[6, 3, 5, 5]`.
    static func listRepr(_ values: [Int]) -> String {
        "[" + values.map(String.init).joined(separator: ", ") + "]"
    }
}
