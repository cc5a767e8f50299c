import Autograd
import BenchBLAS
import NN

/// The workloads of Benchmarks/README.md, each one training step (or one product).
enum Workloads {
    /// w1=10, b1=1, w2=20, x=1, label 500: y = 2·((w1·x + b1)·w2), MSE, backward, SGD step, zero_grad.
    static func scalarChain() throws -> () throws -> Void {
        let w1 = Tensor.scalar(10), b1 = Tensor.scalar(1), w2 = Tensor.scalar(20)
        for t in [w1, b1, w2] { try t.setRequiresGrad(true) }
        let x = Tensor.wrapped(1, dtype: .int64), two = Tensor.wrapped(2, dtype: .int64)
        let label = Tensor.scalar(500)
        let sgd = try SGD([w1, b1, w2], lr: 1e-6)
        return {
            let y = try two.mul(w1.mul(x).add(b1).mul(w2))
            let loss = try y.mseLoss(label)
            try loss.backward()
            try sgd.step()
            try sgd.zeroGrad()
        }
    }

    /// The same chain with tensor ops only: loss (y − 500)², `p -= lr · p.grad` under
    /// no_grad, `p.grad = None` — what a notebook writes by hand.
    static func scalarChainTensorOps() throws -> () throws -> Void {
        let w1 = Tensor.scalar(10), b1 = Tensor.scalar(1), w2 = Tensor.scalar(20)
        for t in [w1, b1, w2] { try t.setRequiresGrad(true) }
        let x = Tensor.wrapped(1, dtype: .int64), two = Tensor.wrapped(2, dtype: .int64)
        let label = Tensor.wrapped(500, dtype: .int64), lr = Tensor.wrapped(1e-6, dtype: .float64)
        return {
            let y = try two.mul(w1.mul(x).add(b1).mul(w2))
            let loss = try y.sub(label).pow(2)
            try loss.backward()
            try GradMode.with(enabled: false) {
                for p in [w1, b1, w2] {
                    try p.subInPlace(p.grad!.mul(lr))
                    p.grad = nil
                }
            }
        }
    }

    /// Cross-entropy from primitives: −mean(log_softmax(z)[i, yᵢ]).
    static func crossEntropy(_ logits: Tensor, _ targets: Tensor) throws -> Tensor {
        try logits.logSoftmax(dim: 1).gather(1, targets.unsqueeze(1)).mean().neg()
    }

    /// 784-128-10 MLP with ReLU, batch 64, float32.
    static func mlpStep() throws -> () throws -> Void {
        let model = Sequential([try Linear(784, 128), ReLU(), try Linear(128, 10)])
        let sgd = try SGD(model.parameters(), lr: 0.01)
        let input = try Tensor.randn([64, 784])
        let targets = try Tensor.randint(low: 0, high: 10, shape: [64])
        return {
            let loss = try crossEntropy(model.forward(input), targets)
            try loss.backward()
            try sgd.step()
            try sgd.zeroGrad()
        }
    }

    /// Conv2d(1,8,3) → ReLU → MaxPool2d(2) → Linear(8·13·13, 10) → CE, batch 32 of 1×28×28.
    static func convStep() throws -> () throws -> Void {
        let weight = try Tensor.randn([8, 1, 3, 3]).mul(Tensor.wrapped(0.3, dtype: .float64))
        let bias = try Tensor.zeros([8])
        let linear = try Linear(8 * 13 * 13, 10)
        for t in [weight, bias] { try t.setRequiresGrad(true) }
        let sgd = try SGD([weight, bias] + linear.parameters(), lr: 0.01)
        let input = try Tensor.randn([32, 1, 28, 28])
        let targets = try Tensor.randint(low: 0, high: 10, shape: [32])
        return {
            let features = try Tensor.conv2d(input, weight, bias: bias).relu().maxPool2d(kernel: [2]).flatten(startDim: 1)
            let loss = try crossEntropy(linear.forward(features), targets)
            try loss.backward()
            try sgd.step()
            try sgd.zeroGrad()
        }
    }

    /// The conv step's pieces, to see where its time goes.
    static func convParts() throws -> [Measurement] {
        let weight = try Tensor.randn([8, 1, 3, 3])
        try weight.setRequiresGrad(true)
        let input = try Tensor.randn([32, 1, 28, 28])
        let conv = try Tensor.conv2d(input, weight)
        let relu = try conv.relu()
        let pooled = try relu.maxPool2d(kernel: [2])
        return [
            try measure("conv forward", iterations: 20) { _ = try Tensor.conv2d(input, weight) },
            try measure("relu forward", iterations: 20) { _ = try conv.relu() },
            try measure("maxpool forward", iterations: 20) { _ = try relu.maxPool2d(kernel: [2]) },
            try measure("flatten", iterations: 20) { _ = try pooled.flatten(startDim: 1) },
            try measure("conv+relu+pool backward", iterations: 20) {
                try Tensor.conv2d(input, weight).relu().maxPool2d(kernel: [2]).sum().backward()
            },
        ]
    }

    static func matmul(_ n: Int) throws -> () throws -> Void {
        let a = try Tensor.randn([n, n]), b = try Tensor.randn([n, n])
        return { _ = try a.matmul(b) }
    }

    static func rawSgemm(_ n: Int) -> () -> Void {
        let a = [Float](repeating: 0.5, count: n * n), b = [Float](repeating: 0.25, count: n * n)
        var c = [Float](repeating: 0, count: n * n)
        return {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n), 1, a, Int32(n), b, Int32(n), 0, &c, Int32(n))
        }
    }
}
