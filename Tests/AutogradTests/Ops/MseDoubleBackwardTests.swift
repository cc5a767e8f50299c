import XCTest
@testable import Autograd

/// mse_loss's backward is an op of its own under create_graph (PyTorch's names and values).
final class MseDoubleBackwardTests: XCTestCase {
    func testGradientOfTheGradientNamesMseLossBackwardBackward() throws {
        let x = Tensor(shape: [3], floats: [1, 2, 4])
        try x.setRequiresGrad(true)
        let y = Tensor(shape: [3], floats: [0.5, 2.5, 3])
        let g = try Backward.grad(outputs: [x.mseLoss(y)], inputs: [x], createGraph: true)[0]!
        XCTAssertEqual(g.gradFn?.name, "MseLossBackwardBackward0")
        try g.sum().backward()
        XCTAssertEqual(x.grad?.floats(), [Float(2) / 3, Float(2) / 3, Float(2) / 3])
    }

    func testTargetGradientIsTheSwappedBackward() throws {
        let x = Tensor.scalar(3), t = Tensor.scalar(1)
        try x.setRequiresGrad(true)
        try t.setRequiresGrad(true)
        let loss = try x.mul(Tensor.wrapped(2, dtype: .int64)).mseLoss(t, reduction: .sum)
        let grads = try Backward.grad(outputs: [loss], inputs: [x, t], createGraph: true)
        XCTAssertEqual(try grads[0]?.scalarDouble(), 20)
        XCTAssertEqual(try grads[1]?.scalarDouble(), -10)
        XCTAssertEqual(grads[1]?.gradFn?.name, "MseLossBackwardBackward0")
        try grads[0]!.mul(grads[1]!).backward()
        XCTAssertEqual(try x.grad?.scalarDouble(), -160)
        XCTAssertEqual(try t.grad?.scalarDouble(), 80)
    }
}
