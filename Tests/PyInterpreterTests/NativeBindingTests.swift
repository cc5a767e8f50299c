import XCTest
@testable import PyInterpreter

/// The native class API, exercised through a fake scalar torch (FakeTorch.swift).
/// Expected outputs were printed by PyTorch 2.x running the same code
/// (the fake implements just enough autograd for these programs).
final class NativeBindingTests: InterpreterTestCase {
    override func setUp() {
        super.setUp()
        let registry = ModuleRegistry.standard()
        FakeTorch().register(in: registry)
        session = NotebookSession(fileName: "lesson.md", modules: registry)
    }

    func testSeedLessonRuns() {
        assertOutput("""
        import oneflow as of
        import oneflow.nn as nn
        import oneflow.optim as optim

        class Sample(nn.Module):
            def __init__(self):
                super(Sample, self).__init__()
                self.operator = nn.ReLU()

            def forward(self, x):
                x = self.operator(x)
                return x

        w1 = of.tensor(10.0, dtype=of.float, requires_grad=True)
        b1 = of.tensor(1.0, dtype=of.float, requires_grad=True)
        loss = nn.MSELoss()
        optimizer = optim.SGD([w1, b1], lr=0.005)
        print("w1.grad =", w1.grad)
        y3 = 2 * ((w1 * 1 + b1) * 20)
        l = loss(y3, of.tensor(500.0))
        l.backward()
        optimizer.step()
        print(f"w1 = {w1.item():.4f}", w1)
        s = Sample()
        print(s(of.tensor(-3.0)), s(of.tensor(2.0)))
        print(s)
        print(l, w1.grad, b1.grad)
        """, """
        w1.grad = None
        w1 = 34.0000 tensor(34., requires_grad=True)
        tensor(0.) tensor(2.)
        Sample(
          (operator): ReLU()
        )
        tensor(3600., grad_fn=<MseLossBackward0>) tensor(-4800.) tensor(-4800.)

        """)
    }

    func testZeroArgumentSuperReachesNativeInitializer() {
        assertOutput("""
        import torch
        import torch.nn as nn
        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.a = nn.ReLU()
                self.b = nn.MSELoss()
                self.scale = 3
            def forward(self, x):
                return self.a(x) * self.scale
        net = Net()
        print(net)
        print(net(torch.tensor(2.0)), net.scale, isinstance(net, nn.Module), type(net).__name__)
        """, """
        Net(
          (a): ReLU()
          (b): MSELoss()
        )
        tensor(6.) 3 True Net

        """)
    }

    func testNativeSetattrHookRunsBeforeInit() {
        assertError("""
        import torch.nn as nn
        class Bad(nn.Module):
            def __init__(self):
                self.layer = nn.ReLU()
        Bad()
        """, "AttributeError: cannot assign module before Module.__init__() call", at: (4, 9))
    }

    func testNativeErrorsAreCatchableByClass() {
        assertOutput("""
        import torch
        t = torch.tensor(1.0)
        try:
            t.backward()
        except RuntimeError as e:
            print("caught:", e)
        """, "caught: element 0 of tensors does not require grad and does not have a grad_fn\n")
    }

    func testArgumentParsingErrors() {
        assertError("import torch\ntorch.tensor(1.0, foo=2)", "TypeError: tensor() got an unexpected keyword argument 'foo'", at: (2, 1))
        assertError("import torch\ntorch.tensor()", "TypeError: tensor() missing 1 required positional argument: 'data'")
        assertError("import torch\ntorch.tensor(1.0, 2)", "TypeError: tensor() takes 1 positional argument but 2 were given")
    }

    func testReflectedOperatorsAndContextManager() {
        assertOutput("""
        import torch
        x = torch.tensor(3.0)
        with torch.no_grad():
            y = 2 * x + 1
        print(y, x - 1)
        print(f"{x:.2f}", float(x), bool(torch.tensor(0.0)))
        """, "tensor(7.) tensor(2.)\n3.00 3.0 False\n")
    }

    func testImportErrors() {
        assertError("import os", "ModuleNotFoundError: No module named 'os'", at: (1, 1))
        assertError("from torch import nope", "ImportError: cannot import name 'nope' from 'torch' (unknown location)")
        assertOutput("from torch import nn\nfrom oneflow import optim as o\nprint(nn.ReLU(), o.SGD.__name__)", "ReLU() SGD\n")
    }
}
