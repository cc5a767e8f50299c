import XCTest
@testable import Autograd

/// float32 tanh, expm1, log1p and log10 of tensors give PyTorch 2.15's bits
/// (MKL's vector math) on inputs where glibc's float functions do not.
final class CorrectlyRoundedFloatTests: XCTestCase {
    // (op, input bits, PyTorch's output bits), from `torch.<op>(x)` on CPU.
    let cases: [(String, [UInt32], [UInt32])] = [
        ("tanh", [0x3eca902b, 0xbe2b0101, 0x3e91ff2d, 0xbf64c69a, 0xbf091754, 0xbeeb99b8, 0x3727c5ac, 0xb99d4952,
                  0x3a6bedfa, 0xbb03126f, 0x40a00000, 0xc110cccd, 0x41133333, 0x41a00000, 0x0, 0x80000000],
                 [0x3ec09de5, 0xbe296e8c, 0x3e8e2a13, 0xbf3693eb, 0xbefaaaac, 0xbedc44c9, 0x3727c5ac, 0xb99d4952,
                  0x3a6bedf6, 0xbb031264, 0x3f7ffa0d, 0xbf800000, 0x3f800000, 0x3f800000, 0x0, 0x80000000]),
        ("expm1", [0xbeb9b9ca, 0x3f7b5fa0, 0x3f9af4d7, 0x3ea8267c, 0xbf0a31a4, 0xbfb04671],
                  [0xbe9bc4e5, 0x3fd5b563, 0x4016c04d, 0x3ec70ce3, 0xbed59445, 0xbf3f697d]),
        ("log1p", [0x3ecc0a88, 0x406ce656, 0x3f0f04f8, 0x40a2755f, 0x411913c4, 0x3ee96128],
                  [0x3eabbb41, 0x3fc62165, 0x3ee33e07, 0x3fe6f94b, 0x4016e5a7, 0x3ec04a91]),
        ("log10", [0x3fc13eb4, 0x4043f8cc, 0x3f8cff23, 0x3ff3d996, 0x3eb8c144, 0x3f447840],
                  [0x3e373113, 0x3ef8d6cb, 0x3d2c06e3, 0x3e8f50b7, 0xbee2a627, 0xbdeb67ee]),
    ]

    func testTensorOpsGivePyTorchsBits() throws {
        for (op, inputs, expected) in cases {
            let x = Tensor(shape: [inputs.count], floats: inputs.map { Float(bitPattern: $0) })
            let y: Tensor
            switch op {
            case "tanh": y = try x.tanh()
            case "expm1": y = try x.expm1()
            case "log1p": y = try x.log1p()
            default: y = try x.log10()
            }
            XCTAssertEqual(y.floats().map(\.bitPattern), expected, op)
        }
    }

    /// The series, exp and saturated branches of tanh meet without a jump.
    func testTanhIsMonotoneAcrossItsBranches() {
        var previous = CorrectlyRoundedFloat.tanh(0)
        var x: Float = 0x1p-12
        while x < 12 {
            let t = CorrectlyRoundedFloat.tanh(x)
            XCTAssertGreaterThanOrEqual(t, previous, "\(x)")
            XCTAssertEqual(CorrectlyRoundedFloat.tanh(-x), -t)
            previous = t
            x = x.nextUp * 1.001
        }
    }
}
