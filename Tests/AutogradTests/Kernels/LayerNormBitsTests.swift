import Foundation
import XCTest
@testable import Autograd

/// `Tensor.layerNorm` and its backward against `Fixtures/layer_norm_bits.json`
/// (real PyTorch, made by `Fixtures/generate_layer_norm_bits.py`): row lengths
/// from 1 to 10,000 (every path of RowwiseMoments' cascade), values with large
/// offsets and tiny spreads, with and without weight and bias, float32 and
/// float64. Mean, rstd, output and all three gradients must match to the bit.
final class LayerNormBitsTests: XCTestCase {
    struct Fixture: Decodable {
        struct Case: Decodable {
            let dtype: String
            let leading: [Int]
            let normalized: [Int]
            let input: Spec?
            /// Given instead of `input` for a row the script found in PyTorch's own random numbers.
            let input_values: [Double]?
            let weight: Spec?
            let bias: Spec?
            let grad: Spec
            let mean: [UInt64]
            let rstd: [UInt64]
            let output: String
            let output_head: [Double]
            let input_grad: String
            let weight_grad: String?
            let bias_grad: String?
        }
        let cases: [Case]
    }

    /// `[seed, spread, offset]`: the script's `LCG · spread/2^24 + offset`, rounded step by step in the dtype.
    struct Spec: Decodable {
        let seed: Int
        let spread: Double
        let offset: Double

        init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            seed = try c.decode(Int.self)
            spread = try c.decode(Double.self)
            offset = try c.decode(Double.self)
        }

        func tensor(_ shape: [Int], _ dtype: DType) -> Tensor {
            var state = seed
            let units = (0..<Shape.count(shape)).map { _ -> Int in
                state = (state &* 1103515245 &+ 12345) & 0x7fff_ffff
                return state >> 7
            }
            let step = spread / 16_777_216
            if dtype == .float32 {
                return Tensor(storage: Storage(units.map { Float($0) * Float(step) + Float(offset) }), shape: shape)
            }
            return Tensor(storage: Storage(units.map { Double($0) * step + offset }), shape: shape)
        }
    }

    /// FNV-1a over the little-endian bytes of the elements' bit patterns.
    static func hash(_ t: Tensor?) -> String? {
        guard let t else { return nil }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix<B: FixedWidthInteger>(_ bits: B) {
            for i in 0..<(B.bitWidth / 8) {
                h ^= UInt64(truncatingIfNeeded: bits >> (8 * i)) & 0xff
                h = h &* 0x100_0000_01b3
            }
        }
        if t.dtype == .float32 { t.floats().forEach { mix($0.bitPattern) } } else { t.doubles().forEach { mix($0.bitPattern) } }
        return String(h, radix: 16).leftPadded(to: 16)
    }

    func testEveryCaseIsBitIdentical() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/layer_norm_bits.json")
        let fixture = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
        XCTAssertGreaterThan(fixture.cases.count, 150)
        var failures: [String] = []
        for c in fixture.cases {
            let dtype: DType = c.dtype == "float64" ? .float64 : .float32
            let shape = c.leading + c.normalized
            let x = try c.input?.tensor(shape, dtype) ?? Tensor.from(c.input_values ?? [], shape: shape, dtype: dtype)
            let w = c.weight?.tensor(c.normalized, dtype), b = c.bias?.tensor(c.normalized, dtype)
            for t in [x, w, b].compactMap({ $0 }) { try t.setRequiresGrad(true) }
            let y = try x.layerNorm(c.normalized, weight: w, bias: b)
            try y.backward(c.grad.tensor(shape, dtype))
            let label = "\(c.dtype)\(shape) over \(c.normalized) weight \(w != nil) bias \(b != nil) input \(c.input?.spread ?? .nan)"
            let (mean, rstd) = statisticBits(x, columns: Shape.count(c.normalized))
            if mean != c.mean { failures.append("\(label): mean") }
            if rstd != c.rstd { failures.append("\(label): rstd") }
            if Self.hash(y) != c.output { failures.append("\(label): output, head \(y.doubles().prefix(4)) vs \(c.output_head)") }
            if Self.hash(x.grad) != c.input_grad { failures.append("\(label): input grad") }
            if Self.hash(w?.grad) != c.weight_grad { failures.append("\(label): weight grad") }
            if Self.hash(b?.grad) != c.bias_grad { failures.append("\(label): bias grad") }
        }
        XCTAssertEqual(failures, [], "\(failures.count) mismatches")
    }

    /// The kernel's per-row mean and rstd (the saved statistics PyTorch returns) as bit patterns.
    private func statisticBits(_ x: Tensor, columns: Int) -> ([UInt64], [UInt64]) {
        let rows = x.count / columns
        if x.dtype == .float32 {
            let s = LayerNormKernels.forward(x.floats(), rows: rows, columns: columns, weight: nil, bias: nil, eps: Float(1e-5)).statistics
            return (s.mean.map { UInt64($0.bitPattern) }, s.rstd.map { UInt64($0.bitPattern) })
        }
        let s = LayerNormKernels.forward(x.doubles(), rows: rows, columns: columns, weight: nil, bias: nil, eps: 1e-5).statistics
        return (s.mean.map(\.bitPattern), s.rstd.map(\.bitPattern))
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
