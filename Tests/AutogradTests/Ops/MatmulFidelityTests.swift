import Foundation
import XCTest
@testable import Autograd

/// `Fixtures/matmul_fidelity.json` (real PyTorch, `generate_matmul_fidelity.py`):
/// small float32 products must carry MKL's rounding to the last bit, and two
/// training loops of Benchmarks/Fidelity/mlp_training.py must print exactly
/// PyTorch's transcript, weights' bits included.
final class MatmulFidelityTests: XCTestCase {
    struct Fixture: Decodable {
        struct Product: Decodable {
            let layout: String
            let m, k, n: Int
            let a, b, expected: [Double]
        }
        let products: [Product]
        let training: [String: String]
    }

    static func load() throws -> Fixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/matmul_fidelity.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }

    func testSmallProductsRoundLikeMKL() throws {
        for p in try Self.load().products {
            let storedA = try Tensor.from(p.a, shape: p.layout == "TN" ? [p.k, p.m] : [p.m, p.k], dtype: .float32)
            let storedB = try Tensor.from(p.b, shape: p.layout == "NT" ? [p.n, p.k] : [p.k, p.n], dtype: .float32)
            let a = p.layout == "TN" ? try storedA.t() : storedA
            let b = p.layout == "NT" ? try storedB.t() : storedB
            let out = try a.mm(b).doubles()
            let expected = p.expected.map { Double(Float($0)) }
            let wrong = zip(out, expected).filter { $0 != $1 }.count
            XCTAssertEqual(wrong, 0, "\(p.layout) \(p.m)×\(p.k)×\(p.n): \(wrong) of \(expected.count) elements differ")
        }
    }

    func testTrainingTranscriptsMatchPyTorch() throws {
        let fixture = try Self.load()
        let configs: [String: (samples: Int, inputs: Int, hidden: Int, outputs: Int, crossEntropy: Bool, addmm: Bool, lr: Double, seed: UInt64)] = [
            "cls": (64, 4, 16, 3, true, true, 0.1, 3),
            "reg": (100, 3, 16, 1, false, false, 0.05, 5),
        ]
        for (name, c) in configs {
            let expected = try XCTUnwrap(fixture.training[name])
            try EngineContext.with(EngineContext()) {
                TorchGenerator.default.manualSeed(c.seed)
                let x = try Tensor.randn([c.samples, c.inputs])
                let y = c.crossEntropy
                    ? try Tensor.randint(low: 0, high: Int64(c.outputs), shape: [c.samples])
                    : try x.pow(2).sum(dims: [1], keepdim: true).mul(Tensor.wrapped(0.5, dtype: .float64))
                        .add(Tensor.randn([c.samples, 1]).mul(Tensor.wrapped(0.1, dtype: .float64)))
                let w1 = try Tensor.randn([c.hidden, c.inputs]).mul(Tensor.wrapped(0.5, dtype: .float64))
                let b1 = try Tensor.zeros([c.hidden])
                let w2 = try Tensor.randn([c.outputs, c.hidden]).mul(Tensor.wrapped(0.3, dtype: .float64))
                let b2 = try Tensor.zeros([c.outputs])
                for p in [w1, b1, w2, b2] { try p.setRequiresGrad(true) }
                func linear(_ x: Tensor, _ w: Tensor, _ b: Tensor) throws -> Tensor {
                    c.addmm ? try Tensor.addmm(b, x, w.t()) : try x.mm(w.t()).add(b)
                }
                var lines: [String] = [], exact: [String] = []
                for step in 0..<50 {
                    let out = try linear(linear(x, w1, b1).relu(), w2, b2)
                    let loss = c.crossEntropy ? try out.crossEntropy(y) : try out.mseLoss(y)
                    try loss.backward()
                    try GradMode.with(enabled: false) {
                        for p in [w1, b1, w2, b2] {
                            try p.subInPlace(XCTUnwrap(p.grad).mul(Tensor.wrapped(c.lr, dtype: .float64)))
                            p.grad = nil
                        }
                    }
                    lines.append("\(step) " + String(format: "%.4f", try loss.scalarDouble()))
                    exact.append(String(format: "%.9g", try loss.scalarDouble()))
                }
                lines += [w2.description, b2.description, "lossbits " + exact.joined(separator: " ")]
                let weights = try Tensor.cat([w1.detach().flatten(), w2.detach().flatten()]).doubles()
                lines.append("bits " + weights.map { String(format: "%.9g", $0) }.joined(separator: " "))
                let got = lines.joined(separator: "\n").split(separator: "\n", omittingEmptySubsequences: false)
                let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
                XCTAssertEqual(got.count, want.count, name)
                for (i, (line, expect)) in zip(got, want).enumerated() where line != expect {
                    XCTFail("\(name) line \(i): \(line.prefix(120)) vs \(expect.prefix(120))")
                    break
                }
            }
        }
    }
}
