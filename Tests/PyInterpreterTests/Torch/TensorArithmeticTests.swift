import XCTest
@testable import PyInterpreter

/// `+ - * /` between plain tensors and numbers skip special-method dispatch;
/// they must give what the special methods give (outputs from PyTorch 2.15).
final class TensorArithmeticTests: InterpreterTestCase {
    func testOperatorsBetweenTensorsParametersAndNumbers() {
        assertOutput("""
        import torch
        t = torch.tensor([1., 2.]); i = torch.tensor([3, 4]); p = torch.nn.Parameter(torch.tensor([2., 3.]))
        print(2 - t, 1 / t, t / 2, True + t, i / 2, 3 * i, i - 1.5, p * t, t + p)
        """, "tensor([1., 0.]) tensor([1.0000, 0.5000]) tensor([0.5000, 1.0000]) tensor([2., 3.]) tensor([1.5000, 2.0000]) tensor([ 9, 12]) tensor([1.5000, 2.5000]) tensor([2., 6.], grad_fn=<MulBackward0>) tensor([3., 5.], grad_fn=<AddBackward0>)\n")
    }

    func testEngineErrorsKeepPyTorchsClassAndWording() {
        assertError("import torch\ntorch.ones(2, 3) + torch.ones(3, 2)",
                    "RuntimeError: The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1")
        assertError("import torch\ntorch.ones(2) + 'a'", "TypeError: unsupported operand type(s) for +: 'Tensor' and 'str'")
    }
}
