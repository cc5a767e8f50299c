import XCTest
@testable import Autograd

/// float64 tanh, expm1, log1p, log10 and log2 of tensors give PyTorch 2.15's
/// bits (MKL's vector math) on inputs where glibc's double functions do not.
final class CorrectlyRoundedDoubleTests: XCTestCase {
    // (op, input bits, PyTorch's output bits), from `torch.<op>(x)` on CPU.
    let cases: [(String, [UInt64], [UInt64])] = [
        // The second tanh is micrograd's neuron: tanh(0.8813735870195432) = 0.7071067811865476.
        ("tanh", [0xbfe352b5de1bc450, 0x3fec34366179d428, 0x4004eb252c860c96, 0xbfd7f837a8dbd5b0, 0x3fe30d6ea99ba408],
                 [0xbfe145e2c6052a5a, 0x3fe6a09e667f3bcd, 0x3fefa8b91fdba443, 0xbfd6e88b16ff130a, 0x3fe11491a127c444]),
        ("expm1", [0x3ff96617f6b268a0, 0xbfd0d130ecb30a80, 0xbfffde0b04ab4154, 0xc001caaad791dfb6],
                  [0x400f210d79aa5263, 0xbfcd9405620513d5, 0xbfeba21aa023ffef, 0xbfec89ca12a96ee5]),
        ("log1p", [0x4010b084fdc0ddcf, 0x40190c0a8b8f58eb, 0x3ff61d78b2563cec, 0x4013cdf8f4afa4a4],
                  [0x3ffa4b17f1186d71, 0x3fffb8d1eedcebfb, 0x3febc6d6ee1d5891, 0x3ffc898eff584979]),
        ("log10", [0x400f60db9076b0ab, 0x3fe8e961662773ee, 0x4006745fae59494b, 0x3fd213c3275e9d4a],
                  [0x3fe2fe47d974f749, 0xbfbbd6e2406ef20f, 0x3fdcaf8e2883a261, 0xbfe191cefc486eb5]),
        // (log2 of 0x40161328f953bb6a, a near-halfway case, still rounds the other way.)
        ("log2", [0x401ae64d17eafe8f, 0x401cfe937f00e34b, 0x3ff08df00c03b4b9],
                 [0x4005ff00f6d302ce, 0x4006dc940f1d1525, 0x3fa929c035788285]),
    ]

    func testTensorOpsGivePyTorchsBits() throws {
        #if arch(x86_64) && !os(Windows)
        for (op, inputs, expected) in cases {
            let x = Tensor(shape: [inputs.count], doubles: inputs.map { Double(bitPattern: $0) })
            let y: Tensor
            switch op {
            case "tanh": y = try x.tanh()
            case "expm1": y = try x.expm1()
            case "log1p": y = try x.log1p()
            case "log10": y = try x.log10()
            default: y = try x.log2()
            }
            XCTAssertEqual(y.doubles().map(\.bitPattern), expected, op)
        }
        #else
        throw XCTSkip("extended precision (Float80) is only available on x86_64")
        #endif
    }
}
