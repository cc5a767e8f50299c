import XCTest
@testable import PyInterpreter

/// Which tensor a `graph` cell draws, and the names its nodes get.
final class GraphCellTargetTests: InterpreterTestCase {
    override func setUp() {
        super.setUp()
        session.engine.keepsOperationOutputs = true   // graph figures show intermediate values
    }

    let classic = """
    import torch
    a = torch.tensor(2.0, requires_grad=True)
    b = torch.tensor(1.0, requires_grad=True)
    c = a + b
    d = b + 1
    e = c * d
    e.backward()
    print(a.grad, b.grad)
    """

    /// Names of the tensor nodes (unnamed intermediates left out).
    func titles(_ figure: GraphFigure) -> [String] {
        figure.nodes.compactMap { node in
            if case .tensor = node.kind { return node.title }
            return nil
        }
    }

    func testBareGraphDrawsTheCellsResult() throws {
        assertOutput(classic, "tensor(2.) tensor(5.)\n")
        let figure = try session.graphFigure(named: nil, cellCode: classic)
        XCTAssertEqual(titles(figure), ["a", "b", "c", "d", "e"])
        XCTAssertEqual(figure.nodes.last?.kind, .tensor(.output))
        XCTAssertEqual(figure.nodes.first?.grad, "2.")
    }

    func testLastAssignmentOrExpressionWins() throws {
        assertOutput(classic, "tensor(2.) tensor(5.)\n")
        for (code, expected) in [("f = d * 2\ng = 3", ["b", "d", "f"]), ("c\nprint(1)", ["a", "b", "c"]),
                                 ("x, y = d, 1", ["b", "x"])] {
            run(code)
            XCTAssertEqual(titles(try session.graphFigure(named: nil, cellCode: code)), expected, code)
        }
    }

    func testNamedTarget() throws {
        assertOutput(classic, "tensor(2.) tensor(5.)\n")
        XCTAssertEqual(titles(try session.graphFigure(named: "c", cellCode: classic)), ["a", "b", "c"])
        run("xs = [1, 2]")
        XCTAssertThrowsError(try session.graphFigure(named: "xs", cellCode: "")) { error in
            XCTAssertEqual(error as? GraphTargetError, GraphTargetError("graph=xs: 'xs' is not a tensor (it is a list)"))
        }
        XCTAssertThrowsError(try session.graphFigure(named: "foo", cellCode: "")) { error in
            XCTAssertEqual(error as? GraphTargetError, GraphTargetError("graph=foo: name 'foo' is not defined"))
        }
        XCTAssertThrowsError(try session.graphFigure(named: "e.nope", cellCode: "")) { error in
            XCTAssertEqual(error as? GraphTargetError, GraphTargetError("graph=e.nope: 'Tensor' object has no attribute 'nope'"))
        }
    }

    func testCellWithoutATensorResult() {
        run("n = 3")
        XCTAssertThrowsError(try session.graphFigure(named: nil, cellCode: "n = 3\nprint(n)")) { error in
            XCTAssertEqual(error as? GraphTargetError,
                           GraphTargetError("graph: the cell has no tensor result to draw; name one with graph=NAME"))
        }
    }

    func testModuleParametersAreNamedByTheirPath() throws {
        let code = """
        import torch
        import torch.nn as nn
        torch.manual_seed(0)
        model = nn.Linear(2, 1)
        x = torch.ones(1, 2)
        loss = model(x).sum()
        """
        assertOutput(code, "")
        let figure = try session.graphFigure(named: "model.weight", cellCode: code)
        XCTAssertEqual(titles(figure), ["model.weight"])
        XCTAssertEqual(titles(try session.graphFigure(named: nil, cellCode: code)), ["model.weight", "model.bias", "loss"])
    }
}
