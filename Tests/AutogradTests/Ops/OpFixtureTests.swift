import Foundation
import XCTest
@testable import Autograd

/// Every case of `Fixtures/op_cases.json` (made by real PyTorch with
/// `Fixtures/generate_op_fixtures.py`): the same op applied to the same
/// inputs must give PyTorch's values, shape, dtype, grad_fn name and
/// gradients (backward seeded with w[i] = ((7i) mod 11 − 5) / 4).
final class OpFixtureTests: XCTestCase {
    struct Fixture: Decodable {
        struct Input: Decodable {
            let shape: [Int]
            let values: [Double]
            let requires_grad: Bool
        }
        struct Case: Decodable {
            let name: String
            let inputs: [Input]
            let shape: [Int]
            let dtype: String
            let values: [Double]
            let grad_fn: String?
            let grads: [[Double]?]?
        }
        let cases: [Case]
    }

    static func loadCases() throws -> [Fixture.Case] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/op_cases.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases
    }

    func testEveryCaseMatchesPyTorch() throws {
        let cases = try Self.loadCases()
        XCTAssertGreaterThan(cases.count, 100)
        var missing: [String] = []
        for c in cases {
            guard let op = OpTable.ops[c.name] else { missing.append(c.name); continue }
            let inputs = try c.inputs.map { input -> Tensor in
                let t = try Tensor.from(input.values, shape: input.shape, dtype: .float32)
                if input.requires_grad { try t.setRequiresGrad(true) }
                return t
            }
            let out: Tensor
            do { out = try op(inputs) } catch {
                XCTFail("\(c.name): threw \(error)")
                continue
            }
            XCTAssertEqual(out.shape, c.shape, "\(c.name) shape")
            XCTAssertEqual(out.dtype.rawValue, c.dtype, "\(c.name) dtype")
            XCTAssertEqual(out.gradFn?.name, c.grad_fn, "\(c.name) grad_fn")
            assertClose(out.doubles(), c.values, "\(c.name) values")
            guard let grads = c.grads else { continue }
            let seed = try Tensor.from((0..<out.count).map { Double((7 * $0) % 11 - 5) / 4 }, shape: out.shape, dtype: out.dtype)
            try out.backward(seed)
            for (k, expected) in grads.enumerated() {
                guard let expected else { XCTAssertNil(inputs[k].grad, "\(c.name) grad \(k)"); continue }
                guard let grad = inputs[k].grad else { XCTFail("\(c.name): no grad for input \(k)"); continue }
                assertClose(grad.doubles(), expected, "\(c.name) grad \(k)")
            }
        }
        XCTAssertEqual(missing, [], "cases without a Swift op")
    }

    func assertClose(_ actual: [Double], _ expected: [Double], _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, message, file: file, line: line)
        for (a, e) in zip(actual, expected) where !(a == e || (a.isNaN && e.isNaN)) {
            if abs(a - e) > 1e-5 + 2e-5 * abs(e) {
                XCTFail("\(message): \(actual) vs \(expected)", file: file, line: line)
                return
            }
        }
    }
}
