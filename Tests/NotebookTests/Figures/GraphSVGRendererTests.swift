import XCTest
import Autograd
@testable import Notebook
import PyInterpreter

final class GraphSVGRendererTests: GraphFigureTestCase {
    func classicFigure(backward: Bool) throws -> GraphFigure {
        let a = Tensor.scalar(2), b = Tensor.scalar(1)
        try a.setRequiresGrad(true)
        try b.setRequiresGrad(true)
        let c = try a.add(b), d = try b.add(Tensor.wrapped(1, dtype: .int64)), e = try c.mul(d)
        if backward { try e.backward() }
        let names = [ObjectIdentifier(a): "a", ObjectIdentifier(b): "b", ObjectIdentifier(c): "c",
                     ObjectIdentifier(d): "d", ObjectIdentifier(e): "e"]
        return GraphFigure.extract(from: e, names: names)
    }

    func testClassicGraphSVG() throws {
        let svg = try GraphSVGRenderer.render(try classicFigure(backward: true), idPrefix: "cell1")
        XCTAssertTrue(svg.hasPrefix("<svg class=\"graph\" width="))
        XCTAssertFalse(svg.contains("<?xml"))
        XCTAssertFalse(svg.contains("<!"))
        XCTAssertFalse(svg.contains("#010203"))
        for text in [">a<", ">b<", ">e<", "data 2.", "grad 5.", "∂e/∂c = 2", "∂e/∂d = 3", "∂c/∂a = 1", ">×<", ">+<",
                     "<title>MulBackward0</title>", "id=\"cell1-n0\"", "class=\"node tensor leaf\""] {
            XCTAssertTrue(svg.contains(text), "missing \(text)")
        }
    }

    func testSameFigureGivesSameBytes() throws {
        let figure = try classicFigure(backward: false)
        XCTAssertEqual(try GraphSVGRenderer.render(figure, idPrefix: "x"), try GraphSVGRenderer.render(figure, idPrefix: "x"))
        XCTAssertEqual(try GraphSVGRenderer.render(figure, idPrefix: "x"),
                       try GraphSVGRenderer.render(try classicFigure(backward: false), idPrefix: "x"))
    }
}

extension GraphSVGRendererTests {
    func testNamesCannotInjectMarkup() throws {
        let figure = GraphFigure(nodes: [
            GraphFigure.Node(kind: .tensor(.leaf), title: "<script>x</script>", value: "a&b \"q\""),
            GraphFigure.Node(kind: .operation(gradFn: "Evil</title><g>Backward0"), title: "<>"),
            GraphFigure.Node(kind: .tensor(.output), title: "]; n9 [label=x", value: "1."),
        ], edges: [GraphFigure.Edge(from: 0, to: 1, label: "∂<y>/∂x = 1"), GraphFigure.Edge(from: 1, to: 2)])
        let svg = try GraphSVGRenderer.render(figure, idPrefix: "p\"><script>")
        XCTAssertFalse(svg.contains("<script"))
        XCTAssertFalse(svg.contains("</title><g>"))
        XCTAssertTrue(svg.contains("&lt;script&gt;x&lt;/script&gt;"))
        XCTAssertTrue(svg.contains("∂&lt;y&gt;/∂x = 1"))
        XCTAssertTrue(svg.contains("]; n9 [label=x"))
        XCTAssertTrue(svg.contains("id=\"p___script_\""))
        XCTAssertFalse(svg.contains("n9\""))   // no node was injected
    }

    func testTruncatedGraphSaysSo() throws {
        let a = Tensor.scalar(1)
        try a.setRequiresGrad(true)
        var x = a
        for _ in 0..<30 { x = try x.sigmoid() }
        let svg = try GraphSVGRenderer.render(GraphFigure.extract(from: x, names: [:], nodeLimit: 5), idPrefix: "t")
        XCTAssertTrue(svg.contains("26 more nodes not shown"))
        XCTAssertTrue(svg.contains(">σ<"))
    }
}
