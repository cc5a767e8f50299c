/// The sizes of one `max_pool2d` / `avg_pool2d` call, validated with PyTorch's
/// messages in PyTorch's order.
public struct Pool2dGeometry: Equatable, Sendable {
    public let batch: Int
    public let channels: Int
    public let height: Int
    public let width: Int
    public let kernelHeight: Int
    public let kernelWidth: Int
    public let strideHeight: Int
    public let strideWidth: Int
    public let paddingHeight: Int
    public let paddingWidth: Int
    public let dilationHeight: Int
    public let dilationWidth: Int
    public let ceilMode: Bool
    public let outHeight: Int
    public let outWidth: Int
    /// Whether the input had no batch dimension (`C×H×W`); the output then has none either.
    public let isUnbatched: Bool

    public var outputShape: [Int] {
        isUnbatched ? [channels, outHeight, outWidth] : [batch, channels, outHeight, outWidth]
    }

    /// Planes pooled independently: `N × C`.
    var planes: Int { batch * channels }

    /// `F.max_pool2d(input, kernel_size, stride, padding, dilation, ceil_mode)`.
    /// `kernel`, `padding`, `dilation` hold one or two values; `stride` may also be
    /// empty, meaning the kernel size.
    public static func maxPool(
        inputShape: [Int], kernel: [Int], stride: [Int] = [], padding: [Int] = [0],
        dilation: [Int] = [1], ceilMode: Bool = false
    ) throws -> Pool2dGeometry {
        let name = "max_pool2d"
        let kernel = try pair(kernel, "\(name): kernel_size must either be a single int, or a tuple of two ints")
        let stride = stride.isEmpty ? kernel : try pair(
            stride, "\(name): stride must either be omitted, a single int, or a tuple of two ints")
        let padding = try pair(padding, "\(name): padding must either be a single int, or a tuple of two ints")
        let dilation = try pair(dilation, "\(name): dilation must be either a single int, or a tuple of two ints")
        guard inputShape.count == 3 || inputShape.count == 4 else {
            throw TorchError.runtime("non-empty 3D or 4D (batch mode) tensor expected for input")
        }
        return try Pool2dGeometry(
            inputShape: inputShape, kernel: kernel, stride: stride, padding: padding,
            dilation: dilation, ceilMode: ceilMode)
    }

    /// `F.avg_pool2d(input, kernel_size, stride, padding, ceil_mode, ...)`.
    public static func avgPool(
        inputShape: [Int], kernel: [Int], stride: [Int] = [], padding: [Int] = [0],
        ceilMode: Bool = false, divisorOverride: Int? = nil
    ) throws -> Pool2dGeometry {
        let name = "avg_pool2d"
        let kernel = try pair(kernel, "\(name): kernel_size must either be a single int, or a tuple of two ints")
        let stride = stride.isEmpty ? kernel : try pair(
            stride, "\(name): stride must either be omitted, a single int, or a tuple of two ints")
        let padding = try pair(padding, "\(name): padding must either be a single int, or a tuple of two ints")
        if divisorOverride == 0 { throw TorchError.runtime("divisor must be not zero") }
        guard inputShape.count >= 3 else {
            throw TorchError.index(
                "Dimension out of range (expected to be in range of [\(-max(inputShape.count, 1))"
                    + ", \(max(inputShape.count, 1) - 1)], but got -3)")
        }
        return try Pool2dGeometry(
            inputShape: inputShape, kernel: kernel, stride: stride, padding: padding,
            dilation: (1, 1), ceilMode: ceilMode)
    }

    private init(
        inputShape: [Int], kernel: (Int, Int), stride: (Int, Int), padding: (Int, Int),
        dilation: (Int, Int), ceilMode: Bool
    ) throws {
        let rank = inputShape.count
        let height = inputShape[rank - 2], width = inputShape[rank - 1]
        let outHeight = try Self.outputSize(
            height, kernel: kernel.0, padding: padding.0, stride: stride.0, dilation: dilation.0,
            ceilMode: ceilMode)
        let outWidth = try Self.outputSize(
            width, kernel: kernel.1, padding: padding.1, stride: stride.1, dilation: dilation.1,
            ceilMode: ceilMode)
        if kernel.0 <= 0 || kernel.1 <= 0 {
            throw TorchError.runtime(
                "kernel size should be greater than zero, but got kH: \(kernel.0) kW: \(kernel.1)")
        }
        if stride.0 <= 0 || stride.1 <= 0 {
            throw TorchError.runtime(
                "stride should be greater than zero, but got dH: \(stride.0) dW: \(stride.1)")
        }
        if dilation.0 <= 0 || dilation.1 <= 0 {
            throw TorchError.runtime(
                "dilation should be greater than zero, but got dilationH: \(dilation.0) dilationW: \(dilation.1)")
        }
        let validPlanes = rank == 3
            ? inputShape[0] != 0 && inputShape[1] != 0 && inputShape[2] != 0
            : inputShape[1] != 0 && inputShape[2] != 0 && inputShape[3] != 0
        guard (rank == 3 || rank == 4) && validPlanes else {
            throw TorchError.runtime(
                "Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, but got:"
                    + Conv2dGeometry.listRepr(inputShape))
        }
        if kernel.1 / 2 < padding.1 || kernel.0 / 2 < padding.0 {
            throw TorchError.runtime(
                "pad should be smaller than or equal to half of kernel size, but got padW = \(padding.1), "
                    + "padH = \(padding.0), kW = \(kernel.1), kH = \(kernel.0)")
        }
        let channels = inputShape[rank - 3]
        if outHeight < 1 || outWidth < 1 {
            throw TorchError.runtime(
                "Given input size: (\(channels)x\(height)x\(width)). Calculated output size: "
                    + "(\(channels)x\(outHeight)x\(outWidth)). Output size is too small")
        }
        self.batch = rank == 4 ? inputShape[0] : 1
        self.channels = channels
        self.height = height
        self.width = width
        self.kernelHeight = kernel.0
        self.kernelWidth = kernel.1
        self.strideHeight = stride.0
        self.strideWidth = stride.1
        self.paddingHeight = padding.0
        self.paddingWidth = padding.1
        self.dilationHeight = dilation.0
        self.dilationWidth = dilation.1
        self.ceilMode = ceilMode
        self.outHeight = outHeight
        self.outWidth = outWidth
        self.isUnbatched = rank == 3
    }

    /// PyTorch's `pooling_output_shape` for one dimension, with its checks.
    static func outputSize(
        _ size: Int, kernel: Int, padding: Int, stride: Int, dilation: Int, ceilMode: Bool
    ) throws -> Int {
        if stride == 0 { throw TorchError.runtime("stride should not be zero") }
        if padding < 0 { throw TorchError.runtime("pad must be non-negative, but got pad: \(padding)") }
        if padding > ((kernel - 1) * dilation + 1) / 2 {
            throw TorchError.runtime(
                "pad should be at most half of effective kernel size, but got pad=\(padding), "
                    + "kernel_size=\(kernel) and dilation=\(dilation)")
        }
        let span = size + 2 * padding - dilation * (kernel - 1) - 1 + (ceilMode ? stride - 1 : 0)
        var output = floorDivide(span, stride) + 1
        // The last window must start inside the input or its left padding.
        if ceilMode && (output - 1) * stride >= size + padding { output -= 1 }
        return output
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    private static func pair(_ values: [Int], _ message: String) throws -> (Int, Int) {
        switch values.count {
        case 1: return (values[0], values[0])
        case 2: return (values[0], values[1])
        default: throw TorchError.runtime(message)
        }
    }
}
