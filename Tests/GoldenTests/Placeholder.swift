import XCTest
final class GoldenTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
