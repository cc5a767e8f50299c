import XCTest
@testable import Notebook
import PyInterpreter

/// Tick positions and labels against what matplotlib chooses for the same
/// view and axis length.
final class TickTests: XCTestCase {
    func testLocatorsReturnMatplotlibsLocations() {
        for c in MatplotlibTickFixtures.cases {
            let space = Int((c.length / (c.isX ? 30 : 20)).rounded(.down))
            let locs = c.log ? TickLocators.log(c.lower, c.upper, requested: space, minor: false)
                             : TickLocators.linear(c.lower, c.upper, maxBins: space)
            XCTAssertEqual(locs, c.locs, "\(c.lower)…\(c.upper) over \(c.length)pt")
        }
    }

    func testDrawnTicksAndLabelsMatchMatplotlib() {
        for c in MatplotlibTickFixtures.cases {
            var axis = AxisSettings()
            axis.scale = c.log ? .log : .linear
            let ticks = AxisTicks.make(axis: axis, view: AxisRange(c.lower, c.upper), length: c.length, isX: c.isX)
            let context = "\(c.lower)…\(c.upper) over \(c.length)pt"
            XCTAssertEqual(ticks.major.map(\.value), c.major.map(\.0), context)
            XCTAssertEqual(ticks.major.map { $0.label?.flattened ?? "" }, c.major.map(\.1), context)
            XCTAssertEqual(ticks.minor.map(\.value), c.minor.map(\.0), context)
            XCTAssertEqual(ticks.minor.map { $0.label?.flattened ?? "" }, c.minor.map(\.1), context)
            XCTAssertEqual(ticks.offsetText, c.offset, context)
        }
    }

    func testCategoriesAndFixedTicks() {
        var axis = AxisSettings()
        axis.categories = ["cat", "dog", "<b>"]
        let ticks = AxisTicks.make(axis: axis, view: AxisRange(-0.5, 2.5), length: 300, isX: true)
        XCTAssertEqual(ticks.major, [Tick(value: 0, label: TickLabel("cat")), Tick(value: 1, label: TickLabel("dog")),
                                     Tick(value: 2, label: TickLabel("<b>"))])
        axis = AxisSettings()
        axis.fixedTicks = [0, 5, 10, 15]
        let fixed = AxisTicks.make(axis: axis, view: AxisRange(0, 12), length: 300, isX: true)
        XCTAssertEqual(fixed.major.map { $0.label?.text }, ["0", "5", "10"])
    }
}
