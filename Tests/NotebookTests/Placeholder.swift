import XCTest
final class NotebookTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
