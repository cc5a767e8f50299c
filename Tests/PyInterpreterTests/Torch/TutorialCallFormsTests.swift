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

    func testRangeIndexesLikeAListOfInts() {
        assertOutput("""
        import torch
        y_hat = torch.tensor([[0.1, 0.3, 0.6], [0.3, 0.2, 0.5]])
        print(y_hat[range(2), [0, 2]], y_hat[range(1, 2)], y_hat[:, range(0, 3, 2)])
        a = torch.zeros(3); a[range(0, 3, 2)] = 1.0; print(a)
        """, """
        tensor([0.1000, 0.5000]) tensor([[0.3000, 0.2000, 0.5000]]) tensor([[0.1000, 0.6000],
                [0.3000, 0.5000]])
        tensor([1., 0., 1.])

        """)
    }

    func testOutArgumentReceivesTheResult() {
        assertOutput("""
        import torch
        a = torch.ones(2, 2); o = torch.zeros(2, 2)
        r = torch.matmul(a, a, out=o); print(r is o, o)
        torch.mul(a, 3, out=o); print(o)
        """, """
        True tensor([[2., 2.],
                [2., 2.]])
        tensor([[3., 3.],
                [3., 3.]])

        """)
        assertError("import torch\nw = torch.ones(2, requires_grad=True)\ntorch.mul(w, 2, out=torch.zeros(2))",
                    "RuntimeError: mul(): functions with out=... arguments don't support automatic differentiation, but one of the arguments requires grad.")
    }

    func testOptimizerStateDictNumbersTheParameters() {
        assertOutput("""
        import torch
        w = torch.nn.Parameter(torch.ones(2)); b = torch.nn.Parameter(torch.zeros(1))
        opt = torch.optim.SGD([w, b], lr=0.1, momentum=0.9)
        print(opt.state_dict())
        (w.sum()*2 + b.sum()).backward(); opt.step()
        sd = opt.state_dict()
        print(sd)
        print(sd['param_groups'][0]['lr'], list(sd.keys()), list(sd['state'].keys()))
        opt = torch.optim.Adam([w], lr=0.01)
        (w.sum()*2).backward(); opt.step()
        print(opt.state_dict())
        """, """
        {'state': {}, 'param_groups': [{'lr': 0.1, 'momentum': 0.9, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None, 'params': [0, 1]}]}
        {'state': {0: {'momentum_buffer': tensor([2., 2.])}, 1: {'momentum_buffer': tensor([1.])}}, 'param_groups': [{'lr': 0.1, 'momentum': 0.9, 'dampening': 0, 'weight_decay': 0, 'nesterov': False, 'maximize': False, 'foreach': None, 'differentiable': False, 'fused': None, 'params': [0, 1]}]}
        0.1 ['state', 'param_groups'] [0, 1]
        {'state': {0: {'step': tensor(1.), 'exp_avg': tensor([0.4000, 0.4000]), 'exp_avg_sq': tensor([0.0160, 0.0160])}}, 'param_groups': [{'lr': 0.01, 'betas': (0.9, 0.999), 'eps': 1e-08, 'weight_decay': 0, 'amsgrad': False, 'maximize': False, 'foreach': None, 'capturable': False, 'differentiable': False, 'fused': None, 'decoupled_weight_decay': False, 'params': [0]}]}

        """)
    }

    func testNumpyKeywordNamesAxisAndKeepdims() {
        assertOutput("""
        import torch
        x = torch.tensor([[1., 5., 2.], [7., 0., 3.]])
        print(x.argmax(axis=1), x.sum(axis=0), x.mean(axis=1, keepdims=True), torch.max(x, axis=1).values, torch.sum(x, axis=1))
        """, """
        tensor([1, 0]) tensor([8., 5., 5.]) tensor([[2.6667],
                [3.3333]]) tensor([5., 7.]) tensor([ 8., 10.])

        """)
    }
}
