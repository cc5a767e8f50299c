import Foundation
import XCTest
@testable import Autograd

/// float32 `gelu`, `gelu_backward` and `erf` against `Fixtures/gelu_bits.json`
/// (real PyTorch 2.15 on an AVX512 CPU, made by `Fixtures/generate_gelu_bits.py`):
/// the oneDNN path for contiguous exact GELU, ATen's vector body and scalar tail
/// for everything else, over lengths 1…40, strided, transposed and sliced
/// inputs, broadcast gradients and 70,000-element tensors split across threads.
final class GeluBitsTests: XCTestCase {
    private struct Case: Decodable {
        let name: String
        let approximate: String
        let output: String
        let grad: String?
    }
    private struct Large: Decodable {
        let seed: Int
        let kind: String
        let approximate: String
        let output: String
        let grad: String
    }
    private struct Fixture: Decodable {
        let inputs: String
        let dy: String
        let rowGrad: String
        let erf: String
        let cases: [Case]
        let large: [Large]
    }

    private static let loaded = Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gelu_bits.json")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }
    private var fixture: Fixture { get throws { try Self.loaded.get() } }

    private static func bits(_ hex: String) -> [UInt32] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 8).map { start in
            digits[start..<(start + 8)].reduce(0) { $0 << 4 | UInt32(hexValue($1)) }
        }
    }

    private static func hexValue(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c - 48 }
    private static func floats(_ hex: String) -> [Float] { bits(hex).map { Float(bitPattern: $0) } }

    /// Bit patterns with every NaN as the canonical quiet NaN (payloads are not compared).
    private static func canonical(_ values: [Float]) -> [UInt32] { values.map { $0.isNaN ? 0x7fc0_0000 : $0.bitPattern } }
    private static func canonical(_ hex: String) -> [UInt32] { canonical(floats(hex)) }

    private var inputs: [Float] { get throws { Self.floats(try fixture.inputs) } }
    private var dy: [Float] { get throws { Self.floats(try fixture.dy) } }

    /// The layout each fixture case names, with its incoming gradient.
    private func layout(_ name: String) throws -> (x: Tensor, g: Tensor?) {
        let inputs = try inputs, dy = try dy
        func vector(_ values: ArraySlice<Float>) -> Tensor { Tensor(shape: [values.count], floats: Array(values)) }
        switch name {
        case "contiguous":
            return (vector(inputs[...]), vector(dy[...]))
        case "stride2":
            let interleaved = inputs.flatMap { [$0, $0] }
            return (Tensor(storage: Storage(interleaved), shape: [400], strides: [2]), vector(dy[...]))
        case "rows":
            let rowGrad = Tensor(shape: [8, 1], floats: Self.floats(try fixture.rowGrad))
            return (try vector(inputs[..<360]).reshape([8, 45]), try rowGrad.expand([8, 45]))
        case "scalarGrad":
            return (try vector(inputs[..<360]).reshape([8, 45]), try Tensor(shape: [], floats: [0.75]).expand([8, 45]))
        case "transposed":
            return (try vector(inputs[..<360]).reshape([45, 8]).t(), nil)
        case "columns":
            return (try vector(inputs[..<360]).reshape([8, 45]).slice(1, start: 3, end: 43), try vector(dy[..<320]).reshape([8, 40]))
        case "columns24":
            return (try vector(inputs[..<360]).reshape([12, 30]).slice(1, start: 3, end: 27), try vector(dy[..<288]).reshape([12, 24]))
        default:
            let n = try XCTUnwrap(Int(name.dropFirst("prefix".count)))
            return (vector(inputs[n..<(2 * n)]), vector(dy[..<n]))
        }
    }

    func testEveryLayoutMatchesPyTorchBitForBit() throws {
        let cases = try fixture.cases
        XCTAssertEqual(cases.count, 2 * 47)
        for c in cases {
            let (x, g) = try layout(c.name)
            let y = try x.gelu(approximate: c.approximate)
            XCTAssertEqual(Self.canonical(y.floats()), Self.canonical(c.output), "gelu \(c.approximate) \(c.name)")
            if let g, let expected = c.grad {
                let grad = try Tensor.geluBackward(g, x, tanh: c.approximate == "tanh")
                XCTAssertEqual(Self.canonical(grad.floats()), Self.canonical(expected), "gelu_backward \(c.approximate) \(c.name)")
            }
        }
    }

    /// The same numbers through autograd: GeluBackward0 calls gelu_backward.
    func testAutogradGradientIsGeluBackward() throws {
        let inputs = try inputs, dy = try dy
        for approximate in ["none", "tanh"] {
            let c = try XCTUnwrap(try fixture.cases.first { $0.name == "contiguous" && $0.approximate == approximate })
            let x = Tensor(shape: [400], floats: inputs, requiresGrad: true)
            let y = try x.gelu(approximate: approximate)
            XCTAssertEqual(y.gradFn?.name, "GeluBackward0")
            try y.backward(Tensor(shape: [400], floats: dy))
            XCTAssertEqual(Self.canonical(try XCTUnwrap(x.grad).floats()), Self.canonical(try XCTUnwrap(c.grad)), approximate)
        }
    }

    /// 70,000 elements: two threads' ranges, each with its own vector body and tail.
    func testLargeTensorsSplitAcrossThreads() throws {
        let saved = TorchThreads.count
        TorchThreads.count = 2
        defer { TorchThreads.count = saved }
        for c in try fixture.large {
            let x = Tensor(shape: [70000], floats: Self.largeValues(seed: c.seed, kind: c.kind))
            let g = Tensor(shape: [70000], floats: Self.largeValues(seed: c.seed + 100, kind: "normal"))
            let y = try x.gelu(approximate: c.approximate)
            XCTAssertEqual(Self.fnv(y.floats()), c.output, "gelu \(c.approximate) \(c.kind)")
            let grad = try Tensor.geluBackward(g, x, tanh: c.approximate == "tanh")
            XCTAssertEqual(Self.fnv(grad.floats()), c.grad, "gelu_backward \(c.approximate) \(c.kind)")
        }
    }

    /// torch.erf comes from MKL, which VectorMathErf approximates: at least 98 %
    /// of the fixture's values bit-identical, every other one a single ulp away.
    func testErfIsWithinOneUlpAndMostlyIdentical() throws {
        let inputs = try inputs
        let expected = Self.floats(try fixture.erf)
        let got = try Tensor(shape: [inputs.count], floats: inputs).erf().floats()
        var identical = 0
        for (v, e) in zip(got, expected) {
            if v.bitPattern == e.bitPattern || (v.isNaN && e.isNaN) {
                identical += 1
            } else {
                XCTAssertEqual(v.nextUp == e || v.nextDown == e, true, "erf: \(v) against \(e)")
            }
        }
        XCTAssertGreaterThanOrEqual(Double(identical) / Double(expected.count), 0.98)
    }

    /// Second derivatives through GeluBackwardBackward0 (PyTorch, float64).
    func testDoubleBackward() throws {
        let expected: [String: ([Double], [Double])] = [
            "none": ([0.8674951246561629, -0.11795359575814726, 1.085231801078197],
                     [0.6161143218375241, 0.10874419079059927, -0.10798193302637613]),
            "tanh": ([0.8673699035346424, -0.11772613473311258, 1.0860992566236183],
                     [0.615506895115985, 0.109809658921978, -0.10787507995107845]),
        ]
        for (approximate, (first, second)) in expected {
            let a = Tensor(shape: [3], doubles: [0.5, -1.2, 2.0], requiresGrad: true)
            let y = try a.gelu(approximate: approximate)
            let g = try XCTUnwrap(Backward.grad(outputs: [y.sum()], inputs: [a], createGraph: true)[0])
            XCTAssertEqual(g.gradFn?.name, "GeluBackwardBackward0")
            for (v, e) in zip(g.doubles(), first) { XCTAssertEqual(v, e, accuracy: 1e-15, approximate) }
            try g.sum().backward()
            for (v, e) in zip(try XCTUnwrap(a.grad).doubles(), second) { XCTAssertEqual(v, e, accuracy: 1e-15, approximate) }
        }
    }

    /// `generate_gelu_bits.py`'s large_values: splitmix64 words as float32 bit
    /// patterns ("bits") or (u − ½)·2^(k−4) rounded from double ("normal").
    private static func largeValues(seed: Int, kind: String) -> [Float] {
        KernelFixtureData.words(seed: seed, count: 70000).map { w in
            kind == "bits"
                ? Float(bitPattern: UInt32(truncatingIfNeeded: w >> 32))
                : Float((Double(w >> 40) / 16_777_216 - 0.5) * pow(2.0, Double(Int((w >> 8) & 7) - 4)))
        }
    }

    /// FNV-1a over the little-endian bytes of the canonical bit patterns.
    private static func fnv(_ values: [Float]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in canonical(values) {
            for shift in stride(from: 0, to: 32, by: 8) {
                hash = (hash ^ UInt64((word >> UInt32(shift)) & 0xff)) &* 0x100_0000_01b3
            }
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
