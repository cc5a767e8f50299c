import XCTest
final class PyInterpreterTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
