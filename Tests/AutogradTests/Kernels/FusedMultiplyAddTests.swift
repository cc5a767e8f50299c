import XCTest
@testable import Autograd

final class FusedMultiplyAddTests: XCTestCase {
    /// Bit-identical to `addingProduct` (one rounding), including sums that land
    /// halfway between floats in double, cancellations and subnormal results.
    func testMatchesTheExactFusedMultiplyAdd() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 11
        }
        func value() -> Float {
            // Mostly ordinary magnitudes, sometimes tiny or exact small integers.
            switch next() % 8 {
            case 0: return Float(Int(next() % 2001) - 1000) / 64
            case 1: return Float(bitPattern: UInt32(next() % 0x0100_0000))  // subnormal and tiny
            default: return Float(sign: next() % 2 == 0 ? .plus : .minus, exponent: Int(next() % 40) - 20,
                                  significand: 1 + Float(next() % (1 << 23)) / Float(1 << 23))
            }
        }
        var x: [Float] = [], y: [Float] = [], scales: [Float] = []
        for _ in 0..<20_000 { x.append(value()); y.append(value()); scales.append(value()) }
        // Halfway cases by construction: c = 1, a·b = 2^-24 (exactly half an ulp of 1).
        x += [Float(1) / 4096, -Float(1) / 4096]; y += [1, 1]; scales += [Float(1) / 4096, Float(1) / 4096]
        for (i, scale) in scales.enumerated() {
            XCTAssertEqual(FusedMultiplyAdd.fused(x[i], scale, y[i]).bitPattern, y[i].addingProduct(x[i], scale).bitPattern, "\(i)")
        }
        // The vector form, one scale for a whole run.
        for scale in scales.prefix(50) {
            var out = y
            x.withUnsafeBufferPointer { xp in
                out.withUnsafeMutableBufferPointer { op in
                    FusedMultiplyAdd.addScaled(xp.baseAddress!, scale: scale, into: op.baseAddress!, count: x.count)
                }
            }
            for i in 0..<x.count where out[i].bitPattern != y[i].addingProduct(x[i], scale).bitPattern {
                XCTFail("scale \(scale), element \(i)")
                break
            }
        }
    }
}
