import XCTest
import Autograd
@testable import Notebook
@testable import PyInterpreter

/// The classic example: c = a + b, d = b + 1, e = c · d at a = 2, b = 1.
final class GraphFigureTests: GraphFigureTestCase {
    struct Classic {
        let a: Tensor, b: Tensor, c: Tensor, d: Tensor, e: Tensor
        var names: [ObjectIdentifier: String] {
            [ObjectIdentifier(a): "a", ObjectIdentifier(b): "b", ObjectIdentifier(c): "c",
             ObjectIdentifier(d): "d", ObjectIdentifier(e): "e"]
        }
    }

    func makeClassic() throws -> Classic {
        let a = Tensor.scalar(2), b = Tensor.scalar(1)
        try a.setRequiresGrad(true)
        try b.setRequiresGrad(true)
        let c = try a.add(b)
        let d = try b.add(Tensor.wrapped(1, dtype: .int64))
        let e = try c.mul(d)
        return Classic(a: a, b: b, c: c, d: d, e: e)
    }

    func index(of title: String, in figure: GraphFigure) -> Int? {
        figure.nodes.firstIndex { $0.title == title }
    }

    func testClassicGraphHasATensorPerValueAndAnOpPerOperation() throws {
        let g = try makeClassic()
        let figure = GraphFigure.extract(from: g.e, names: g.names)
        let tensors = figure.nodes.filter { if case .tensor = $0.kind { return true } else { return false } }
        let ops = figure.nodes.filter { if case .operation = $0.kind { return true } else { return false } }
        XCTAssertEqual(tensors.map { $0.title ?? "" }, ["a", "b", "c", "d", "e"])
        XCTAssertEqual(ops.map(\.kind), [.operation(gradFn: "AddBackward0"), .operation(gradFn: "AddBackward0"),
                                         .operation(gradFn: "MulBackward0")])
        XCTAssertEqual(ops.map(\.title), ["+", "+", "×"])
        XCTAssertEqual(tensors.map(\.kind), [.tensor(.leaf), .tensor(.leaf), .tensor(.intermediate),
                                             .tensor(.intermediate), .tensor(.output)])
        XCTAssertEqual(tensors.map(\.value), ["2.", "1.", "3.", "2.", "6."])
        XCTAssertEqual(tensors.map(\.grad), [nil, nil, nil, nil, nil])
        XCTAssertEqual(figure.omittedNodeCount, 0)
        // Every node but the output is the source of some edge; inputs come first.
        for edge in figure.edges { XCTAssertLessThan(edge.from, edge.to) }
    }

    func testEdgesCarryLocalDerivatives() throws {
        let g = try makeClassic()
        let figure = GraphFigure.extract(from: g.e, names: g.names)
        let labels = Set(figure.edges.compactMap(\.label))
        XCTAssertEqual(labels, ["∂c/∂a = 1", "∂c/∂b = 1", "∂d/∂b = 1", "∂e/∂c = 2", "∂e/∂d = 3"])
        // The labelled edges run from the input tensor into the op.
        let c = try XCTUnwrap(index(of: "c", in: figure))
        let edge = try XCTUnwrap(figure.edges.first { $0.from == c })
        XCTAssertEqual(edge.label, "∂e/∂c = 2")
        XCTAssertEqual(figure.nodes[edge.to].kind, .operation(gradFn: "MulBackward0"))
        // Op → output edges carry no label.
        XCTAssertEqual(figure.edges.filter { $0.label == nil }.count, 3)
    }

    func testGradientsAppearAfterBackward() throws {
        let g = try makeClassic()
        try g.e.backward()
        let figure = GraphFigure.extract(from: g.e, names: g.names)
        XCTAssertEqual(figure.nodes[try XCTUnwrap(index(of: "a", in: figure))].grad, "2.")
        XCTAssertEqual(figure.nodes[try XCTUnwrap(index(of: "b", in: figure))].grad, "5.")
        XCTAssertNil(figure.nodes[try XCTUnwrap(index(of: "c", in: figure))].grad)
    }

    func testUnnamedIntermediatesGetBareDerivatives() throws {
        let a = Tensor.scalar(2), b = Tensor.scalar(1)
        try a.setRequiresGrad(true)
        try b.setRequiresGrad(true)
        let e = try a.add(b).mul(b.add(Tensor.wrapped(1, dtype: .int64)))
        let names = [ObjectIdentifier(a): "a", ObjectIdentifier(b): "b", ObjectIdentifier(e): "e"]
        let figure = GraphFigure.extract(from: e, names: names)
        // The temporaries a + b and b + 1 are still alive (MulBackward saved them).
        XCTAssertEqual(figure.nodes.count, 8)
        XCTAssertEqual(Set(figure.edges.compactMap(\.label)), ["1", "2", "3"])
    }

    func testParametersAndLargeTensors() throws {
        let w = Tensor(shape: [3, 2], floats: [1, 2, 3, 4, 5, 6], requiresGrad: true)
        w.isParameter = true
        let x = Tensor(shape: [2], floats: [1, -1], requiresGrad: true)
        let y = try w.mv(x).sum()
        let figure = GraphFigure.extract(from: y, names: [ObjectIdentifier(w): "W"])
        let wNode = try XCTUnwrap(figure.nodes.first { $0.title == "W" })
        XCTAssertEqual(wNode.kind, .tensor(.parameter))
        XCTAssertEqual(wNode.value, "shape (3, 2)")
        XCTAssertTrue(figure.nodes.contains { $0.value == "[ 1., -1.]" && $0.kind == .tensor(.leaf) })
        // Σ has a scalar output but its input is a vector: no number fits the edge.
        XCTAssertTrue(figure.edges.allSatisfy { $0.label == nil })
    }

    func testLeafAloneAndTruncation() throws {
        let a = Tensor.scalar(3)
        try a.setRequiresGrad(true)
        let alone = GraphFigure.extract(from: a, names: [ObjectIdentifier(a): "a"])
        XCTAssertEqual(alone.nodes, [GraphFigure.Node(kind: .tensor(.leaf), title: "a", value: "3.")])
        XCTAssertEqual(alone.edges, [])

        var x = a
        for _ in 0..<50 { x = try x.mul(Tensor.wrapped(2, dtype: .int64)) }
        let cut = GraphFigure.extract(from: x, names: [:], nodeLimit: 10)
        XCTAssertEqual(cut.nodes.filter { $0.kind == .operation(gradFn: "MulBackward0") }.count, 10)
        XCTAssertEqual(cut.omittedNodeCount, 41)   // 40 more ops and the leaf
    }

    func testExtractionIsDeterministic() throws {
        let g = try makeClassic()
        XCTAssertEqual(GraphFigure.extract(from: g.e, names: g.names), GraphFigure.extract(from: g.e, names: g.names))
    }
}
