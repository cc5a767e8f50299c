import XCTest
import Autograd
@testable import NN

final class LinearTests: XCTestCase {
    func testDefaultInitMatchesPyTorch() throws {
        TorchGenerator.default.manualSeed(0)
        let lin = try Linear(4, 2)
        XCTAssertEqual(lin.weight?.description, """
        Parameter containing:
        tensor([[-0.0037,  0.2682, -0.4115, -0.3680],
                [-0.1926,  0.1341, -0.0099,  0.3964]], requires_grad=True)
        """)
        XCTAssertEqual(lin.bias?.description, "Parameter containing:\ntensor([-0.0444,  0.1323], requires_grad=True)")
        XCTAssertEqual(lin.repr(), "Linear(in_features=4, out_features=2, bias=True)")
    }

    func testOperatorJacobianExample() throws {
        let lin = try Linear(4, 2)
        try GradMode.with(enabled: false) {
            try lin.weight!.fillInPlace(1)
            try lin.bias!.fillInPlace(0)
        }
        let y = try lin.forward(Tensor.ones([1, 4]))
        try y.retainGrad()
        XCTAssertEqual(y.description, "tensor([[4., 4.]], grad_fn=<AddmmBackward0>)")
        try y.pow(2).sum().backward()
        XCTAssertEqual(y.grad?.description, "tensor([[8., 8.]])")
        XCTAssertEqual(lin.weight?.grad?.description, "tensor([[8., 8., 8., 8.],\n        [8., 8., 8., 8.]])")
        XCTAssertEqual(lin.bias?.grad?.description, "tensor([8., 8.])")
    }

    func testModuleRepr() throws {
        let seq = Sequential([try Linear(4, 8), ReLU(), try Linear(8, 1), Sigmoid()])
        XCTAssertEqual(seq.repr(), """
        Sequential(
          (0): Linear(in_features=4, out_features=8, bias=True)
          (1): ReLU()
          (2): Linear(in_features=8, out_features=1, bias=True)
          (3): Sigmoid()
        )
        """)
        XCTAssertEqual(seq.parameters().count, 4)
    }
}
