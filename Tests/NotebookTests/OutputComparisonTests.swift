import XCTest
@testable import Notebook

final class OutputComparisonTests: XCTestCase {
    private let tolerant = OutputComparison()

    private func assertMatch(_ recorded: String, _ fresh: String, _ comparison: OutputComparison? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue((comparison ?? tolerant).matches(recorded: recorded, fresh: fresh),
                      "\(recorded.debugDescription) should match \(fresh.debugDescription)", file: file, line: line)
    }

    private func assertMismatch(_ recorded: String, _ fresh: String, _ comparison: OutputComparison? = nil,
                                file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse((comparison ?? tolerant).matches(recorded: recorded, fresh: fresh),
                       "\(recorded.debugDescription) should not match \(fresh.debugDescription)", file: file, line: line)
    }

    func testOneUnitOfTheLastWrittenDigit() {
        assertMatch("tensor(33.2000)\n", "tensor(33.2001)\n")
        assertMatch("tensor(33.2000)\n", "tensor(33.1999)\n")
        assertMismatch("tensor(33.2000)\n", "tensor(33.2002)\n")
        assertMatch("w1.grad = tensor(-4800.)\n", "w1.grad = tensor(-4801.)\n")
        assertMismatch("w1.grad = tensor(-4800.)\n", "w1.grad = tensor(-4802.)\n")
        assertMatch("tensor([1.0000e-05, 1.0000e+00])\n", "tensor([1.0001e-05, 9.9990e-01])\n")
        assertMismatch("tensor([1.0000e-05])\n", "tensor([1.0002e-05])\n")
        assertMatch("0.1\n", "0.10000000149011612\n")
    }

    func testObjectAddressesMatchAnyAddress() {
        assertMatch("<MulBackward0 object at 0x7f317c1094b0> ((<AccumulateGrad object at 0x7f317c10a080>, 0),)\n",
                    "<MulBackward0 object at 0x6e372e5a6a71> ((<AccumulateGrad object at 0x2d3a273f6978>, 0),)\n")
        assertMismatch("<MulBackward0 object at 0x7f317c1094b0>\n", "<AddBackward0 object at 0x7f317c1094b0>\n")
        assertMismatch("<MulBackward0 object at 0x7f31>\n", "<MulBackward0 object at 0x6e37>\n", OutputComparison(exact: true))
        assertMismatch("x = 0x1f\n", "x = 0x2f\n")
    }

    func testIntegersMustBeEqual() {
        assertMismatch("torch.Size([2, 3])\n", "torch.Size([2, 4])\n")
        assertMismatch("epoch 10\n", "epoch 11\n")
        assertMatch("tensor([1, 2])\n", "tensor([1, 2])\n")
    }

    func testSignedZeroNanAndInfinity() {
        assertMatch("tensor(-0.)\n", "tensor(0.)\n")
        assertMatch("tensor([nan, 1.])\n", "tensor([nan, 1.])\n")
        assertMismatch("tensor([nan])\n", "tensor([1.])\n")
        assertMatch("inf -inf\n", "inf -inf\n")
        assertMismatch("inf\n", "-inf\n")
    }

    func testTextAroundNumbersMustMatch() {
        assertMismatch("tensor([1., 2.])\n", "tensor([1., 2.], requires_grad=True)\n")
        assertMismatch("grad_fn=<MulBackward0>\n", "grad_fn=<MulBackward1>\n")
        assertMismatch("tensor([ 1.0000, -2.0000])\n", "tensor([-1.0000, -2.0000])\n")
        assertMismatch("loss: 0.5\n", "Loss: 0.5\n")
    }

    func testDifferentCountOfNumbersIsAMismatch() {
        assertMismatch("tensor([1., 2.])\n", "tensor([1., 2., 3.])\n")
        assertMismatch("1.5 2.5\n", "1.5\n")
    }

    func testWordsWithDigitsAreText() {
        assertMismatch("dtype=torch.float32\n", "dtype=torch.float64\n")
        assertMismatch("conv1\n", "conv2\n")
        assertMismatch("banana\n", "bnanaa\n")
        assertMatch("info 1.5\n", "info 1.5\n")
    }

    func testTrailingSpacesAndFinalNewlineAreIgnored() {
        assertMatch("a = 1   \nb\n", "a = 1\nb\n")
        assertMatch("a\n", "a\n")
        assertMismatch("a\n", "a\n\n")
        assertMismatch(" a\n", "a\n")
    }

    func testExplicitTolerance() {
        let loose = OutputComparison(tolerance: Tolerance(rtol: 0.01))
        assertMatch("loss 100.0\n", "loss 100.9\n", loose)
        assertMismatch("loss 100.0\n", "loss 101.1\n", loose)
        assertMatch("step 100\n", "step 101\n", loose)
        let absolute = OutputComparison(tolerance: Tolerance(atol: 0.05))
        assertMatch("tensor(0.5000)\n", "tensor(0.5400)\n", absolute)
        assertMismatch("tensor(0.5000)\n", "tensor(0.5600)\n", absolute)
    }

    func testExactModeDemandsBytes() {
        let exact = OutputComparison(exact: true)
        assertMismatch("tensor(33.2000)\n", "tensor(33.2001)\n", exact)
        assertMismatch("a  \n", "a\n", exact)
        assertMatch("a\n", "a\n", exact)
    }

    func testTokenizerFindsNumbersAndUnits() {
        let line = Array("tensor([-4800.,  33.2000, 1.0000e-05]) x1 7 nan -inf".utf8)[...]
        let numbers = OutputTokenizer.numbers(in: line)
        XCTAssertEqual(numbers.map { String(decoding: line[$0.range], as: UTF8.self) }, ["-4800.", "33.2000", "1.0000e-05", "7", "nan", "-inf"])
        XCTAssertEqual(numbers[0].lastDigitUnit, 1)
        XCTAssertEqual(numbers[1].lastDigitUnit, 1e-4)
        XCTAssertEqual(numbers[2].lastDigitUnit!, 1e-9, accuracy: 1e-22)
        XCTAssertNil(numbers[3].lastDigitUnit)
        XCTAssertTrue(numbers[4].value.isNaN)
        XCTAssertEqual(numbers[5].value, -.infinity)
    }

    func testVersionLikeTextIsNotANumber() {
        let line = Array("2.15.0 0.05s".utf8)[...]
        XCTAssertTrue(OutputTokenizer.numbers(in: line).isEmpty)
    }
}
