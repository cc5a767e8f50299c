import XCTest
@testable import PyInterpreter

/// `torch.autograd.Function` subclasses, with outputs recorded from PyTorch 2.x.
final class CustomFunctionTests: InterpreterTestCase {
    func testStaticForwardBackwardAndSetupContextStyles() {
        assertOutput("""
        import torch

        class Cube(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x, k):
                ctx.save_for_backward(x)
                ctx.k = k
                return k * x ** 3

            @staticmethod
            def backward(ctx, grad_output):
                x, = ctx.saved_tensors
                return grad_output * 3 * ctx.k * x ** 2, None

        x = torch.tensor([1.0, -2.0], requires_grad=True)
        y = Cube.apply(x, 2.0)
        print(y, type(y.grad_fn).__name__)
        y.sum().backward()
        print(x.grad)

        class Exp(torch.autograd.Function):
            @staticmethod
            def forward(i):
                return i.exp()

            @staticmethod
            def setup_context(ctx, inputs, output):
                ctx.save_for_backward(output)

            @staticmethod
            def backward(ctx, g):
                result, = ctx.saved_tensors
                return g * result

        a = torch.tensor([0.0, 1.0], requires_grad=True)
        b = Exp.apply(a)
        (b * 2).sum().backward()
        print(b, a.grad)
        with torch.no_grad():
            print(Cube.apply(x, 1.0))
        print(Cube.apply(torch.tensor([2.0]), 1.0))
        """, """
        tensor([  2., -16.], grad_fn=<CubeBackward>) CubeBackward
        tensor([ 6., 24.])
        tensor([1.0000, 2.7183], grad_fn=<ExpBackward>) tensor([2.0000, 5.4366])
        tensor([ 1., -8.])
        tensor([8.])

        """)
    }

    func testBackwardMustReturnOneGradientPerInput() {
        assertError("""
        import torch
        class Bad(torch.autograd.Function):
            @staticmethod
            def forward(ctx, x, y):
                return x * y
            @staticmethod
            def backward(ctx, g):
                return g
        x = torch.tensor([1.0], requires_grad=True)
        Bad.apply(x, x).sum().backward()
        """, "RuntimeError: function BadBackward returned an incorrect number of gradients (expected 2, got 1)")
    }
}
