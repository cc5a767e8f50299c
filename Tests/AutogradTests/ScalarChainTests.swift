import XCTest
@testable import Autograd

/// The classic chain y3 = 2·((w1·x + b1)·w2) with MSE against 500.
final class ScalarChainTests: XCTestCase {
    func testGradientsOfTheChain() throws {
        let w1 = Tensor.scalar(10), b1 = Tensor.scalar(1), w2 = Tensor.scalar(20)
        for t in [w1, b1, w2] { try t.setRequiresGrad(true) }
        let x = Tensor.wrapped(1, dtype: .int64)
        let y1 = try w1.mul(x).add(b1)
        let y2 = try y1.mul(w2)
        let y3 = try Tensor.wrapped(2, dtype: .int64).mul(y2)
        let loss = try y3.mseLoss(Tensor.scalar(500))
        XCTAssertEqual(try loss.scalarDouble(), 3600)
        XCTAssertEqual(loss.gradFn?.name, "MseLossBackward0")
        XCTAssertNil(w1.grad)
        try loss.backward()
        XCTAssertEqual(try w1.grad?.scalarDouble(), -4800)
        XCTAssertEqual(try b1.grad?.scalarDouble(), -4800)
        XCTAssertEqual(try w2.grad?.scalarDouble(), -2640)
    }

    func testAccumulationAndSecondBackwardErrors() throws {
        let a = Tensor(shape: [3], floats: [1, 2, 3], requiresGrad: true)
        try a.pow(2).sum().backward()
        try a.pow(2).sum().backward()
        XCTAssertEqual(a.grad?.floats(), [4, 8, 12])

        let y = try a.mul(a).sum()
        try y.backward()
        XCTAssertThrowsError(try y.backward()) { error in
            XCTAssertTrue((error as? TorchError)?.message.hasPrefix("Trying to backward through the graph a second time") ?? false)
        }
        // No saved tensors: a second backward succeeds.
        let b = Tensor.scalar(1)
        try b.setRequiresGrad(true)
        let c = try b.add(Tensor.wrapped(1, dtype: .int64))
        try c.backward()
        try c.backward()
        XCTAssertEqual(try b.grad?.scalarDouble(), 2)
    }

    func testErrorsWordedAsPyTorch() throws {
        let a = Tensor(shape: [2], floats: [1, 2], requiresGrad: true)
        XCTAssertThrowsError(try a.mul(Tensor.wrapped(2, dtype: .int64)).backward()) { error in
            XCTAssertEqual(error as? TorchError, .runtime("grad can be implicitly created only for scalar outputs"))
        }
        XCTAssertThrowsError(try a.addInPlace(Tensor.wrapped(1, dtype: .int64))) { error in
            XCTAssertEqual(error as? TorchError, .runtime("a leaf Variable that requires grad is being used in an in-place operation."))
        }
        XCTAssertThrowsError(try Tensor(shape: [2, 3], floats: [1, 2, 3, 4, 5, 6]).add(Tensor(shape: [4], floats: [1, 2, 3, 4]))) { error in
            XCTAssertEqual(error as? TorchError, .runtime("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1"))
        }
        let s = try a.sigmoid()
        try GradMode.with(enabled: false) { _ = try s.mulInPlace(Tensor.wrapped(2, dtype: .int64)) }
        XCTAssertThrowsError(try s.sum().backward()) { error in
            XCTAssertTrue((error as? TorchError)?.message.contains("[torch.FloatTensor [2]], which is output 0 of Sigmoid, is at version 1; expected version 0 instead") ?? false, "\(error)")
        }
    }

    func testPromotion() {
        let i = Tensor(storage: Storage([1, 2, 3], dtype: .int64), shape: [3])
        XCTAssertEqual(Promotion.resultType(i, .wrapped(2.5, dtype: .float64)), .float32)
        XCTAssertEqual(Promotion.resultType(i, .wrapped(2, dtype: .int64)), .int64)
        XCTAssertEqual(Promotion.resultType(i, .scalar(1, dtype: .float64)), .float64)
        XCTAssertEqual(Promotion.resultType(Tensor(shape: [1], floats: [1]), .scalar(1, dtype: .float64)), .float32)
        XCTAssertEqual(Promotion.resultType(i, .wrapped(1, dtype: .bool)), .int64)
    }
}
