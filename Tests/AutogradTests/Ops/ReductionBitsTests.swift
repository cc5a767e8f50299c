import Foundation
import XCTest
@testable import Autograd

/// Every case of `Fixtures/reduction_bits.json` (real PyTorch, made by
/// `Fixtures/generate_reduction_bits.py`): sums, means, var/std, norms,
/// logsumexp, softmax and sigmoid (with gradients) and cumsum, also through transposed,
/// permuted and strided views, must reproduce PyTorch's result to the last bit
/// (the two exceptions are named in the test).
final class ReductionBitsTests: XCTestCase {
    /// A number, or "nan" / "inf" / "-inf" (which JSON cannot write as numbers).
    struct Number: Decodable {
        let value: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let v = try? c.decode(Double.self) { value = v; return }
            let text = try c.decode(String.self)
            value = text == "nan" ? .nan : (text == "inf" ? .infinity : -.infinity)
        }
    }

    struct Fixture: Decodable {
        struct Input: Decodable {
            let dtype: String
            let shape: [Int]
            let values: [Double]
        }
        struct Case: Decodable {
            let input: Int
            let view: String
            let op: String
            let expected: [Number]
            let expected_shape: [Int]
        }
        let inputs: [Input]
        let cases: [Case]
    }

    func testEveryCaseIsBitIdentical() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/reduction_bits.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertGreaterThan(fixture.cases.count, 300)
        var failures: [String] = []
        for c in fixture.cases {
            let spec = fixture.inputs[c.input]
            let dtype: DType = spec.dtype == "float64" ? .float64 : .float32
            let x = try view(Tensor.from(spec.values, shape: spec.shape, dtype: dtype), c.view)
            let out = try apply(c.op, x)
            let label = "\(c.op) on \(spec.dtype)\(spec.shape) view \(c.view)"
            guard out.shape == c.expected_shape else { failures.append("\(label): shape \(out.shape)"); continue }
            // Expected values are exact decimal forms of the dtype's values.
            let expected = c.expected.map { dtype == .float32 ? Double(Float($0.value)) : $0.value }
            // logsumexp's exp and log are MKL VML calls in PyTorch, and norms with other
            // exponents use powf: those may differ slightly, nothing else may.
            let approximate = c.op.hasPrefix("logsumexp") || c.op.hasPrefix("norm3")
            let wrong = zip(out.doubles(), expected).filter {
                !($0 == $1 || ($0.isNaN && $1.isNaN) || (approximate && abs($0 - $1) <= 1e-6 * max(1, abs($1))))
            }
            if !wrong.isEmpty { failures.append("\(label): \(wrong.count) of \(expected.count) differ, e.g. \(wrong[0])") }
        }
        XCTAssertEqual(failures, [], "\(failures.count) cases differ from PyTorch")
    }

    func view(_ x: Tensor, _ name: String) throws -> Tensor {
        switch name {
        case "t": return try x.t()
        case "permute201": return try x.permute([2, 0, 1])
        case "permute120": return try x.permute([1, 2, 0])
        case "step2": return try x.slice(1, start: nil, end: nil, step: 2)
        case "col0": return try x.select(1, 0)
        case "rows2": return try x.slice(0, start: nil, end: nil, step: 2)
        default: return x
        }
    }

    func apply(_ spec: String, _ x: Tensor) throws -> Tensor {
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let dims = parts.count > 1 ? parts[1].split(separator: ",").compactMap { Int($0) } : nil
        let name = parts[0]
        switch name {
        case "sum": return try dims.map { try x.sum(dims: $0) } ?? x.sum()
        case "mean": return try dims.map { try x.mean(dims: $0) } ?? x.mean()
        case "var": return try x.variance(dims: dims ?? [])
        case "std": return try x.std(dims: dims ?? [])
        case "logsumexp": return try x.logsumexp(dims: dims ?? [])
        case "softmax": return try x.softmax(dim: dims![0])
        case "log_softmax": return try x.logSoftmax(dim: dims![0])
        case "softmax_grad", "log_softmax_grad":
            let leaf = try x.contiguousCopy()
            try leaf.setRequiresGrad(true)
            let y = name == "softmax_grad" ? try leaf.softmax(dim: dims![0]) : try leaf.logSoftmax(dim: dims![0])
            let seed = try Tensor.from((0..<y.count).map { Double((7 * $0) % 11 - 5) / 4 }, shape: y.shape, dtype: y.dtype)
            try y.backward(seed)
            return leaf.grad!
        case "cumsum": return try x.cumsum(dim: dims![0])
        case "sigmoid": return try x.sigmoid()
        case "sigmoid_grad":
            let leaf = try x.contiguousCopy()
            try leaf.setRequiresGrad(true)
            let y = try leaf.sigmoid()
            try y.backward(Tensor.from((0..<y.count).map { Double((7 * $0) % 11 - 5) / 4 }, shape: y.shape, dtype: y.dtype))
            return leaf.grad!
        case "prod": return try x.prod(dim: dims?.first)
        default:
            guard name.hasPrefix("norm"), let p = Double(name.dropFirst(4)) else { throw TorchError.runtime("unknown op \(spec)") }
            return try x.norm(p: p, dims: dims ?? [])
        }
    }
}
