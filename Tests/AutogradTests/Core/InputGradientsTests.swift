import XCTest
@testable import Autograd

final class InputGradientsTests: XCTestCase {
    func testInlineAndArrayFormsAgree() {
        let a = Tensor.scalar(1), b = Tensor.scalar(2), c = Tensor.scalar(3)
        let literal: InputGradients = [a, nil, c]
        XCTAssertEqual(literal.count, 3)
        XCTAssertTrue(literal[0] === a)
        XCTAssertNil(literal[1])
        XCTAssertTrue(literal[2] === c)
        let pair = InputGradients(a, b)
        XCTAssertEqual(pair.count, 2)
        XCTAssertTrue(pair.array[1] === b)
        XCTAssertEqual(InputGradients(c).count, 1)
    }

    func testTakeMovesTheGradientOut() {
        var grads: InputGradients = [Tensor.scalar(1), Tensor.scalar(2), Tensor.scalar(3)]
        for i in 0..<3 {
            XCTAssertNotNil(grads.take(i))
            XCTAssertNil(grads[i], "taken gradients are no longer held")
        }
    }
}
