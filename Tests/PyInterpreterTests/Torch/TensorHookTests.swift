import XCTest
@testable import PyInterpreter

/// `register_hook` as PyTorch 2.15 runs it (expected outputs printed by PyTorch).
final class TensorHookTests: InterpreterTestCase {
    func testHooksSeeAndReplaceGradients() {
        assertOutput("""
        import torch
        x = torch.tensor([1.0, 2.0], requires_grad=True)
        y = x * 3
        y.retain_grad()
        y.register_hook(lambda g: print("y hook", g) or g * 10)
        h = x.register_hook(lambda g: print("x hook", g))
        z = (y ** 2).sum()
        z.backward()
        print(x.grad, y.grad)
        h.remove()
        x.grad = None
        y = x * 3
        (y ** 2).sum().backward()
        print(x.grad)
        """, """
        y hook tensor([ 6., 12.])
        x hook tensor([180., 360.])
        tensor([180., 360.]) tensor([ 60., 120.])
        tensor([18., 36.])

        """)
    }

    /// A leaf's hooks see its gradient summed over all its uses, in registration order.
    func testLeafHooksRunOnceOnTheSummedGradient() {
        assertOutput("""
        import torch
        a = torch.tensor(2.0, requires_grad=True)
        a.register_hook(lambda g: g * 2)
        a.register_hook(lambda g: g + 1)
        (a * a).backward()
        print(a.grad)
        b = torch.tensor(3.0, requires_grad=True)
        c = b * 2
        c.register_hook(lambda g: print("c", g))
        print(torch.autograd.grad(c * c, b))
        """, """
        tensor(9.)
        c tensor(12.)
        (tensor(24.),)

        """)
    }

    func testHookOnATensorWithoutGradIsAnError() {
        assertError("""
        import torch
        torch.tensor(1.0).register_hook(lambda g: g)
        """, "RuntimeError: cannot register a hook on a tensor that doesn't require gradient")
    }

    /// `a or b` returns b itself without asking for its truth (a tensor of many values here).
    func testLastOperandOfOrIsNotTestedForTruth() {
        assertOutput("""
        import torch
        print(None or torch.tensor([1.0, 2.0]), 0 and torch.ones(2), [] or "last")
        """, """
        tensor([1., 2.]) 0 last

        """)
    }
}
