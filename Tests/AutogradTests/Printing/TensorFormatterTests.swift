import XCTest
@testable import Autograd

final class TensorFormatterTests: XCTestCase {
    func testEveryPyTorchFixtureCase() throws {
        let fixtures = try PrintingFixtures.load()
        XCTAssertGreaterThan(fixtures.cases.count, 500)
        var failures = 0
        for fixture in fixtures.cases {
            let repr = TensorFormatter.format(
                shape: fixture.shape, elements: try fixture.printableElements(),
                dtype: try fixture.dtypeValue(fixture.dtype),
                defaultFloat: try fixture.dtypeValue(fixture.defaultFloat),
                gradFn: fixture.gradFn, requiresGrad: fixture.requiresGrad,
                isParameter: fixture.isParameter, options: try fixture.options())
            if repr != fixture.expected {
                failures += 1
                if failures <= 10 {
                    XCTFail("\(fixture.name):\nexpected:\n\(fixture.expected)\ngot:\n\(repr)")
                }
            }
        }
        XCTAssertEqual(failures, 0, "\(failures) of \(fixtures.cases.count) cases differ")
    }

    func testSizeRepr() throws {
        for fixture in try PrintingFixtures.load().sizes {
            XCTAssertEqual(TensorFormatter.sizeRepr(fixture.shape), fixture.expected)
        }
    }

    func testReturnTypesRepr() throws {
        for fixture in try PrintingFixtures.load().returnTypes {
            let repr = TensorFormatter.returnTypesRepr(
                fixture.name.replacingOccurrences(of: "torch.return_types.", with: ""),
                fields: fixture.fields.map { ($0.name, $0.repr) })
            XCTAssertEqual(repr, fixture.expected)
        }
    }

    func testSetPrintOptionsResetsSciModeWhenOmitted() {
        var options = PrintOptions()
        options.apply(sciMode: false)
        XCTAssertEqual(options.sciMode, false)
        options.apply(precision: 2)
        XCTAssertNil(options.sciMode)
        XCTAssertEqual(options.precision, 2)
    }

    func testProfilesResetTheirFourOptions() {
        var options = PrintOptions(precision: 7, threshold: 10, edgeitems: 1, linewidth: 50)
        options.apply(profile: .short)
        XCTAssertEqual(options, PrintOptions(precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80))
        options.apply(linewidth: 100, profile: .full)
        XCTAssertEqual(options.threshold, .infinity)
        XCTAssertEqual(options.linewidth, 100)
    }

    func testPythonRoundingIsHalfEvenOnTheExactBinaryValue() {
        XCTAssertEqual(PythonFloatFormat.fixed(0.03125, precision: 4), "0.0312")
        XCTAssertEqual(PythonFloatFormat.fixed(0.09375, precision: 4), "0.0938")
        XCTAssertEqual(PythonFloatFormat.fixed(-Double.nan, precision: 4), "nan")
        XCTAssertEqual(PythonFloatFormat.scientific(-.infinity, precision: 4), "-inf")
        XCTAssertEqual(PythonFloatFormat.fixed(1e300, precision: 2).count, 304)
    }
}
