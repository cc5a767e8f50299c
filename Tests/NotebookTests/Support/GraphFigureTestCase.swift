import XCTest
import Autograd

/// Tests that build graphs with the Swift API and draw them: graph figures
/// show intermediate values only when the context keeps op outputs, so these
/// tests turn that on (on the shared context) for their duration.
class GraphFigureTestCase: XCTestCase {
    override func setUp() {
        super.setUp()
        EngineContext.current.keepsOperationOutputs = true
    }

    override func tearDown() {
        EngineContext.current.keepsOperationOutputs = false
        super.tearDown()
    }
}
