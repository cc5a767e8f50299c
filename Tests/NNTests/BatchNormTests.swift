import XCTest
import Autograd
@testable import NN

/// One batch-norm fixture: a train step, its backward, and an eval forward.
struct BatchNormCase {
    enum Gradient { case given, sum }
    let shape: [Int]
    let spatialDims: Int
    let gradient: Gradient
    let output, runningMean, runningVar, inputGrad, weightGrad, biasGrad, evalOutput: [Float]
}

/// `nn.BatchNorm1d/2d` bit for bit against real PyTorch (fixtures from
/// FixtureScripts/batchnorm.py): both kernel layouts, the running-statistics
/// update, the contiguous and the expanded-gradient backward, eval mode.
final class BatchNormTests: XCTestCase {
    /// The fixture script's inputs: `((i·mul) mod m) / scale − shift` in float32.
    private func values(_ n: Int, _ mul: Int, _ mod: Int, _ scale: Float, _ shift: Float, _ shape: [Int]) throws -> Tensor {
        let v = (0..<n).map { Float(($0 * mul) % mod) / scale - shift }
        return Tensor(storage: Storage(v), shape: shape)
    }

    private func check(_ c: BatchNormCase, file: StaticString = #filePath, line: UInt = #line) throws {
        let n = c.shape.reduce(1, *), channels = c.shape[1]
        let x = try values(n, 37, 23, 8, 1.3, c.shape)
        try x.setRequiresGrad(true)
        let bn = try BatchNorm(spatialDims: c.spatialDims, numFeatures: channels)
        try GradMode.with(enabled: false) {
            _ = try bn.weight!.copyInPlace(values(channels, 5, 7, 4, -0.5, [channels]))
            _ = try bn.bias!.copyInPlace(values(channels, 3, 5, 2, 1.0, [channels]))
        }
        let y = try bn.forward(x)
        switch c.gradient {
        case .given: try y.backward(values(n, 11, 13, 5, 1.1, c.shape))
        case .sum: try y.sum().backward()
        }
        XCTAssertEqual(y.floats(), c.output, "output", file: file, line: line)
        XCTAssertEqual(bn.runningMean?.floats(), c.runningMean, "running_mean", file: file, line: line)
        XCTAssertEqual(bn.runningVar?.floats(), c.runningVar, "running_var", file: file, line: line)
        XCTAssertEqual(x.grad?.floats(), c.inputGrad, "input grad", file: file, line: line)
        XCTAssertEqual(bn.weight?.grad?.floats(), c.weightGrad, "weight grad", file: file, line: line)
        XCTAssertEqual(bn.bias?.grad?.floats(), c.biasGrad, "bias grad", file: file, line: line)
        bn.eval()
        let e = try GradMode.with(enabled: false) { try bn.forward(x) }
        XCTAssertEqual(e.floats(), c.evalOutput, "eval output", file: file, line: line)
        XCTAssertEqual(bn.buffer(named: "num_batches_tracked")??.int64s(), [1], file: file, line: line)
    }

    func testChannelsLastKernel() throws { try check(BatchNormFixtures.channelsLast) }
    func testChannelsLastKernelSplitsRowsBetweenThreads() throws { try check(BatchNormFixtures.channelsLastManyRows) }
    func testPerChannelKernelBelowOneVector() throws { try check(BatchNormFixtures.image9) }
    func testPerChannelKernelWithPartialVector() throws { try check(BatchNormFixtures.image25) }
    func testExpandedGradientTakesTheStridedPath() throws { try check(BatchNormFixtures.expandedGradient) }
    func testSequenceInput() throws { try check(BatchNormFixtures.sequence) }

    func testReprAndErrors() throws {
        XCTAssertEqual(try BatchNorm(spatialDims: 1, numFeatures: 4).repr(),
                       "BatchNorm1d(4, eps=1e-05, momentum=0.1, affine=True, bias=True, track_running_stats=True)")
        XCTAssertEqual(try BatchNorm(spatialDims: 2, numFeatures: 3, momentum: .none, affine: false).repr(),
                       "BatchNorm2d(3, eps=1e-05, momentum=None, affine=False, bias=False, track_running_stats=True)")
        XCTAssertThrowsError(try BatchNorm(spatialDims: 1, numFeatures: 3).forward(Tensor.ones([1, 3]))) { error in
            XCTAssertEqual(error as? TorchError, .value("Expected more than 1 value per channel when training, got input size torch.Size([1, 3])"))
        }
        XCTAssertThrowsError(try BatchNorm(spatialDims: 2, numFeatures: 3).forward(Tensor.ones([4, 3]))) { error in
            XCTAssertEqual(error as? TorchError, .value("expected 4D input (got 2D input)"))
        }
    }
}
