import XCTest
@testable import Autograd

/// Sampling into non-contiguous tensors, against real PyTorch: a dense
/// transpose is filled in storage order (and normal_ takes the scalar path).
final class RandomTensorTests: XCTestCase {
    func testTransposedTensorsAreFilledInStorageOrder() throws {
        let context = EngineContext()
        try EngineContext.with(context) {
            TorchGenerator.default.manualSeed(0)
            let a = try Tensor.zeros([3, 4]).t()
            try a.uniformInPlace()
            XCTAssertEqual(a.description, """
            tensor([[0.4963, 0.3074, 0.4556],
                    [0.7682, 0.6341, 0.6323],
                    [0.0885, 0.4901, 0.3489],
                    [0.1320, 0.8964, 0.4017]])
            """)
            TorchGenerator.default.manualSeed(0)
            let c = try Tensor.zeros([2, 3]).t()
            try c.normalInPlace()
            XCTAssertEqual(c.description, """
            tensor([[ 1.5410,  0.5684],
                    [-0.2934, -1.0845],
                    [-2.1788, -1.3986]])
            """)
            TorchGenerator.default.manualSeed(0)
            let b = try Tensor.zeros([4, 5]).t()
            try b.normalInPlace()
            XCTAssertEqual(b.description.prefix(40), "tensor([[ 1.5410, -1.3986, -0.5966,  0.1")
        }
    }

    func testContextsAreIndependent() throws {
        let a = EngineContext(), b = EngineContext()
        EngineContext.with(a) { TorchGenerator.default.manualSeed(0) }
        EngineContext.with(b) { TorchGenerator.default.manualSeed(42) }
        let x = try EngineContext.with(a) { try Tensor.rand([2]).description }
        let y = try EngineContext.with(b) { try Tensor.rand([2]).description }
        XCTAssertEqual(x, "tensor([0.4963, 0.7682])")
        XCTAssertEqual(y, "tensor([0.8823, 0.9150])")
    }
}
