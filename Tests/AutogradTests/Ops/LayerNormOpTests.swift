import XCTest
@testable import Autograd

/// `Tensor.layerNorm`'s argument checks (PyTorch's messages, in PyTorch's
/// order), its grad_fn, and the empty and single-value cases. The values
/// themselves are checked bit for bit by LayerNormBitsTests.
final class LayerNormOpTests: XCTestCase {
    private func ones(_ shape: [Int], _ dtype: DType = .float32) throws -> Tensor { try Tensor.ones(shape, dtype: dtype) }

    private func error(_ body: () throws -> Tensor) -> TorchError? {
        do { _ = try body(); return nil } catch { return error as? TorchError }
    }

    func testErrorsAreWordedAsPyTorch() throws {
        XCTAssertEqual(error { try ones([2, 4]).layerNorm([3]) },
                       .runtime("Given normalized_shape=[3], expected input with shape [*, 3], but got input of size[2, 4]"))
        XCTAssertEqual(error { try ones([3]).layerNorm([2, 3]) },
                       .runtime("Given normalized_shape=[2, 3], expected input with shape [*, 2, 3], but got input of size[3]"))
        XCTAssertEqual(error { try ones([3]).layerNorm([]) },
                       .runtime("Expected normalized_shape to be at least 1-dimensional, i.e., containing at least one element, but got normalized_shape = []"))
        XCTAssertEqual(error { try ones([2, 3]).layerNorm([3], weight: ones([2])) },
                       .runtime("Expected weight to be of same shape as normalized_shape, but got weight of shape [2] and normalized_shape = [3]"))
        XCTAssertEqual(error { try ones([2, 3]).layerNorm([3], bias: ones([4])) },
                       .runtime("Expected bias to be of same shape as normalized_shape, but got bias of shape [4] and normalized_shape = [3]"))
        XCTAssertEqual(error { try ones([2, 3], .int64).layerNorm([3]) },
                       .notImplemented("\"LayerNormKernelImpl\" not implemented for 'Long'"))
        XCTAssertEqual(error { try ones([2, 3], .float64).layerNorm([3], weight: ones([3])) },
                       .runtime("mixed dtype (CPU): all inputs must share same datatype."))
        XCTAssertEqual(error { try ones([2, 3]).layerNorm([3], weight: ones([3], .float64)) },
                       .runtime("mixed dtype (CPU): expect parameter to have scalar type of Float"))
    }

    func testGradFnAndSmallCases() throws {
        let x = Tensor(shape: [2, 3], floats: [1, 2, 3, 2, 4, 7], requiresGrad: true)
        let y = try x.layerNorm([3])
        XCTAssertEqual(y.gradFn?.name, "NativeLayerNormBackward0")
        // PyTorch: tensor([[-1.2247,  0.0000,  1.2247], [-1.1355, -0.1622,  1.2978]])
        XCTAssertEqual(y.floats().map { ($0 * 10_000).rounded() / 10_000 }, [-1.2247, 0, 1.2247, -1.1355, -0.1622, 1.2978])
        // One value per row normalises to 0; a constant row too.
        XCTAssertEqual(try Tensor(shape: [1], floats: [5]).layerNorm([1]).floats(), [0])
        XCTAssertEqual(try ones([2, 2], .float64).layerNorm([2]).doubles(), [0, 0, 0, 0])
        let empty = try Tensor.zeros([0, 3]).layerNorm([3])
        XCTAssertEqual(empty.shape, [0, 3])
        let noColumns = try Tensor.zeros([2, 0]).layerNorm([0])
        XCTAssertEqual(noColumns.shape, [2, 0])
    }
}
