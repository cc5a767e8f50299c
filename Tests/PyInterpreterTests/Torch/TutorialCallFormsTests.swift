import XCTest
@testable import PyInterpreter

/// Call forms that tutorials use, with outputs recorded from PyTorch 2.x.
final class TutorialCallFormsTests: InterpreterTestCase {
    func testFactoriesTakeTheSizeAsOneTupleOrAsKeyword() {
        assertOutput("""
        import torch
        print(torch.zeros(()), torch.ones((2, 3)).shape, torch.zeros(size=(3,)).shape)
        torch.manual_seed(0)
        print(torch.randn(()), torch.rand((1, 2)), torch.randn(size=(2,)))
        shape = (2, 1,)
        print(torch.empty(shape).shape, torch.ones([2]).shape, torch.zeros(torch.Size([1, 2])).shape)
        """, """
        tensor(0.) torch.Size([2, 3]) torch.Size([3])
        tensor(1.5410) tensor([[0.3074, 0.6341]]) tensor([-0.2934,  1.2645])
        torch.Size([2, 1]) torch.Size([2]) torch.Size([1, 2])

        """)
    }

    func testLegacyTensorConstructors() {
        assertOutput("""
        import torch
        x = torch.Tensor([2.0]).double(); x.requires_grad = True
        print(x, torch.Tensor([[1, 2], [3, 4]]), torch.Tensor(), torch.Tensor(2, 3).shape)
        print(torch.FloatTensor([1, 2]), torch.LongTensor([1, 2]), torch.DoubleTensor([0.5]))
        print(isinstance(x, torch.Tensor), type(torch.Tensor([1.0])).__name__)
        """, """
        tensor([2.], dtype=torch.float64, requires_grad=True) tensor([[1., 2.],
                [3., 4.]]) tensor([]) torch.Size([2, 3])
        tensor([1., 2.]) tensor([1, 2]) tensor([0.5000], dtype=torch.float64)
        True Tensor

        """)
        assertError("import torch\ntorch.Tensor('a')", "TypeError: new(): invalid data type 'str'")
    }

    func testSetGradEnabledRestoresTheModeItFoundWhenConstructed() {
        assertOutput("""
        import torch
        x = torch.ones(2, requires_grad=True)
        with torch.set_grad_enabled(False):
            print((x * 3).requires_grad, torch.is_grad_enabled())
        print((x * 3).requires_grad, torch.is_grad_enabled())
        torch.set_grad_enabled(False)
        print(torch.is_grad_enabled())
        torch.set_grad_enabled(True)
        with torch.no_grad():
            with torch.set_grad_enabled(True):
                print(torch.is_grad_enabled())
            print(torch.is_grad_enabled())
        print(torch.is_grad_enabled())
        """, """
        False False
        True True
        False
        True
        False
        True

        """)
    }
}
