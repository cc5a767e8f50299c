import XCTest
@testable import Autograd

/// `torch.multinomial` and `exponential_` draw PyTorch 2.15's exact streams;
/// every expected value below came from real PyTorch with the same generator.
final class MultinomialTests: XCTestCase {
    func testSamplesMatchPyTorchsStream() throws {
        let g = TorchGenerator(seed: 2147483647)
        let p = Tensor(shape: [5], floats: [0.1, 0.0, 0.5, 0.25, 0.15])
        XCTAssertEqual(try p.multinomial(numSamples: 1, generator: g).int64s(), [3])
        XCTAssertEqual(try p.multinomial(numSamples: 1, generator: g).int64s(), [2])
        XCTAssertEqual(try p.multinomial(numSamples: 3, generator: g).int64s(), [3, 2, 0])
        XCTAssertEqual(try p.multinomial(numSamples: 12, replacement: true, generator: g).int64s(),
                       [3, 4, 2, 2, 3, 0, 2, 3, 2, 2, 3, 2])
        let rows = Tensor(shape: [2, 3], doubles: [1, 2, 3, 0, 5, 1])
        let without = try rows.multinomial(numSamples: 2, generator: g)
        XCTAssertEqual(without.shape, [2, 2])
        XCTAssertEqual(without.int64s(), [2, 0, 2, 1])
        XCTAssertEqual(try rows.multinomial(numSamples: 4, replacement: true, generator: g).int64s(), [2, 2, 2, 2, 1, 1, 2, 1])
        // The stream continues where PyTorch's does.
        XCTAssertEqual(try Tensor.rand([2], generator: g).doubles(), [0.5996118187904358, 0.6095167994499207])
        let e = try Tensor.zeros([4]).exponentialInPlace(generator: g)
        XCTAssertEqual(e.floats().map(\.bitPattern), [0x3f833780, 0x3f06c4dd, 0x3d4e4205, 0x3fae3858])
        let e2 = try Tensor.zeros([2], dtype: .float64).exponentialInPlace(lambda: 2, generator: g)
        XCTAssertEqual(e2.doubles(), [0.08950776105008029, 0.12441982490215303])
    }

    func testErrorsUsePyTorchsWording() {
        func message(_ body: () throws -> Tensor) -> String {
            do { _ = try body(); return "no error" } catch { return "\(error)" }
        }
        let p = Tensor(shape: [2], floats: [0.5, 0.5])
        XCTAssert(message { try p.multinomial(numSamples: 3) }.contains("cannot sample n_sample > prob_dist.size(-1) samples without replacement"))
        XCTAssert(message { try p.multinomial(numSamples: 0) }.contains("cannot sample n_sample <= 0 samples"))
        XCTAssert(message { try Tensor(shape: [2], floats: [0.5, -0.1]).multinomial(numSamples: 1) }
            .contains("probability tensor contains either `inf`, `nan` or element < 0"))
        XCTAssert(message { try Tensor(shape: [2], floats: [0, 0]).multinomial(numSamples: 3, replacement: true) }
            .contains("invalid multinomial distribution (sum of probabilities <= 0)"))
        XCTAssert(message { try Tensor(shape: [2], floats: [0.5, -0.1]).multinomial(numSamples: 3, replacement: true) }
            .contains("invalid multinomial distribution (encountering probability entry < 0)"))
        XCTAssert(message { try Tensor.zeros([2, 2, 2]).multinomial(numSamples: 1) }.contains("prob_dist must be 1 or 2 dim"))
    }
}
