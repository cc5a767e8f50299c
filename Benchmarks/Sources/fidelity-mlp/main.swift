import Autograd
import Foundation

// The Swift side of Fidelity/mlp_training.py: the same seeded MLPs, trained the
// same way with Litgrad's Swift API, printing the same text.
//     fidelity-mlp [--openblas] CONFIG FIRST_SEED COUNT   (--openblas: no MKL-order products)

struct Config {
    let samples, inputs, hidden, outputs: Int
    let crossEntropy: Bool
    let addmm: Bool
    let lr: Double
    let steps: Int
    var sigmoid = false
}

let configs: [String: Config] = [
    "reg": Config(samples: 100, inputs: 3, hidden: 16, outputs: 1, crossEntropy: false, addmm: false, lr: 0.05, steps: 50),
    "cls": Config(samples: 64, inputs: 4, hidden: 16, outputs: 3, crossEntropy: true, addmm: true, lr: 0.1, steps: 50),
    "wide": Config(samples: 128, inputs: 20, hidden: 64, outputs: 10, crossEntropy: true, addmm: true, lr: 0.05, steps: 50),
    "sig": Config(samples: 64, inputs: 2, hidden: 8, outputs: 1, crossEntropy: false, addmm: false, lr: 0.5, steps: 50, sigmoid: true),
]

func linear(_ x: Tensor, _ w: Tensor, _ b: Tensor, addmm: Bool) throws -> Tensor {
    addmm ? try Tensor.addmm(b, x, w.t()) : try x.mm(w.t()).add(b)
}

func run(_ c: Config, seed: Int) throws -> [String] {
    TorchGenerator.default.manualSeed(UInt64(seed))
    let x = try Tensor.randn([c.samples, c.inputs])
    let y = c.crossEntropy
        ? try Tensor.randint(low: 0, high: Int64(c.outputs), shape: [c.samples])
        : try x.pow(2).sum(dims: [1], keepdim: true).mul(Tensor.wrapped(0.5, dtype: .float64))
            .add(Tensor.randn([c.samples, 1]).mul(Tensor.wrapped(0.1, dtype: .float64)))
    let w1 = try Tensor.randn([c.hidden, c.inputs]).mul(Tensor.wrapped(0.5, dtype: .float64))
    let b1 = try Tensor.zeros([c.hidden])
    let w2 = try Tensor.randn([c.outputs, c.hidden]).mul(Tensor.wrapped(0.3, dtype: .float64))
    let b2 = try Tensor.zeros([c.outputs])
    let params = [w1, b1, w2, b2]
    for p in params { try p.setRequiresGrad(true) }
    var lines: [String] = []
    var exact: [String] = []
    for step in 0..<c.steps {
        let z = try linear(x, w1, b1, addmm: c.addmm)
        let h = c.sigmoid ? try z.sigmoid() : try z.relu()
        let out = try linear(h, w2, b2, addmm: c.addmm)
        let loss = c.crossEntropy ? try out.crossEntropy(y) : try out.mseLoss(y)
        try loss.backward()
        try GradMode.with(enabled: false) {
            for p in params {
                guard let g = p.grad else { continue }
                try p.subInPlace(g.mul(Tensor.wrapped(c.lr, dtype: .float64)))
                p.grad = nil
            }
        }
        lines.append("\(step) " + String(format: "%.4f", try loss.scalarDouble()))
        exact.append(String(format: "%.9g", try loss.scalarDouble()))
    }
    lines.append(w2.description)
    lines.append(b2.description)
    let all = try Tensor.cat([w1.detach().flatten(), w2.detach().flatten()]).doubles()
    lines.append("lossbits " + exact.joined(separator: " "))
    lines.append("bits " + all.map { String(format: "%.9g", $0) }.joined(separator: " "))
    return lines
}

var arguments = CommandLine.arguments
if let i = arguments.firstIndex(of: "--openblas") {
    MKLOrderGEMM.isEnabled = false
    arguments.remove(at: i)
}
guard arguments.count == 4, let config = configs[arguments[1]], let first = Int(arguments[2]), let count = Int(arguments[3]) else {
    print("usage: fidelity-mlp reg|cls|wide|sig FIRST_SEED COUNT")
    exit(2)
}
do {
    for seed in first..<(first + count) {
        print("== \(arguments[1]) seed \(seed)")
        print(try run(config, seed: seed).joined(separator: "\n"))
    }
} catch {
    print("fidelity-mlp failed: \(error)")
    exit(1)
}
