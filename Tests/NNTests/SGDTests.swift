import XCTest
import Autograd
@testable import NN

final class SGDTests: XCTestCase {
    func testScalarChainStep() throws {
        let w1 = Tensor.scalar(10), b1 = Tensor.scalar(1), w2 = Tensor.scalar(20)
        for t in [w1, b1, w2] { try t.setRequiresGrad(true) }
        let sgd = try SGD(groups: [ParamGroup(params: [w1, b1, w2], options: SGD.defaults(["lr": .float(0.005)]))])
        let y3 = try Tensor.wrapped(2, dtype: .int64).mul(w1.mul(Tensor.wrapped(1, dtype: .int64)).add(b1).mul(w2))
        try MSELoss().forward(y3, Tensor.scalar(500)).backward()
        try sgd.step()
        XCTAssertEqual(w1.storage.f32[0], 34)
        XCTAssertEqual(b1.storage.f32[0], 25)
        XCTAssertEqual(w2.storage.f32[0], Float(33.2))
        try sgd.zeroGrad()
        XCTAssertNil(w1.grad)
    }
}
