import XCTest
@testable import Notebook

final class PythonHighlighterTests: XCTestCase {
    private func html(_ code: String) -> String { PythonHighlighter.html(code) }

    func testKeywordsBuiltinsConstantsAndNames() {
        XCTAssertEqual(html("for i in range(3):"),
                       "<span class=\"k\">for</span> i <span class=\"k\">in</span> <span class=\"nb\">range</span>(<span class=\"m\">3</span>):")
        XCTAssertEqual(html("x = None"), "x = <span class=\"kc\">None</span>")
        XCTAssertEqual(html("def step(self):"),
                       "<span class=\"k\">def</span> <span class=\"nf\">step</span>(<span class=\"bp\">self</span>):")
        XCTAssertEqual(html("class Net(nn.Module):"),
                       "<span class=\"k\">class</span> <span class=\"nc\">Net</span>(nn.Module):")
    }

    func testAttributesNamedLikeBuiltinsAreNotBuiltins() {
        XCTAssertEqual(html("t.sum() + max(a)"), "t.sum() + <span class=\"nb\">max</span>(a)")
    }

    func testStringsOfEveryKind() {
        XCTAssertEqual(html("'a'"), "<span class=\"s\">'a'</span>")
        XCTAssertEqual(html("r\"\\d\""), "<span class=\"s\">r\"\\d\"</span>")
        XCTAssertEqual(html("s = \"\"\"two\nlines\"\"\""), "s = <span class=\"s\">\"\"\"two\nlines\"\"\"</span>")
        XCTAssertEqual(html("'it\\'s'"), "<span class=\"s\">'it\\'s'</span>")
        XCTAssertEqual(html("b'x' # done"), "<span class=\"s\">b'x'</span> <span class=\"c\"># done</span>")
    }

    func testFStringsHighlightTheirExpressions() {
        XCTAssertEqual(html("f\"{name}: {t.item():.4f}\""),
                       "<span class=\"s\">f\"</span><span class=\"si\">{</span>name<span class=\"si\">}</span><span class=\"s\">: </span>"
                       + "<span class=\"si\">{</span>t.item()<span class=\"s\">:.4f</span><span class=\"si\">}</span><span class=\"s\">\"</span>")
        XCTAssertEqual(html("f'{{literal}} {len(x)!r}'"),
                       "<span class=\"s\">f'{{literal}} </span><span class=\"si\">{</span><span class=\"nb\">len</span>(x)<span class=\"s\">!r</span><span class=\"si\">}</span><span class=\"s\">'</span>")
    }

    func testNumbersCommentsAndDecorators() {
        XCTAssertEqual(html("1e-3 + 0x1F + 2.5j + 1_000"),
                       "<span class=\"m\">1e-3</span> + <span class=\"m\">0x1F</span> + <span class=\"m\">2.5j</span> + <span class=\"m\">1_000</span>")
        XCTAssertEqual(html("@torch.no_grad()\ndef f(): pass"),
                       "<span class=\"nd\">@torch.no_grad</span>()\n<span class=\"k\">def</span> <span class=\"nf\">f</span>(): <span class=\"k\">pass</span>")
        XCTAssertEqual(html("a @ b"), "a @ b", "matrix product, not a decorator")
    }

    func testEverythingIsEscaped() {
        XCTAssertEqual(html("print(\"<script>&\") # <b>"),
                       "<span class=\"nb\">print</span>(<span class=\"s\">\"&lt;script&gt;&amp;\"</span>) <span class=\"c\"># &lt;b&gt;</span>")
        XCTAssertEqual(html("a < b > c"), "a &lt; b &gt; c")
    }

    func testUnterminatedStringsAndNonASCIINamesLoseNothing() {
        XCTAssertEqual(html("'open\nx = 1"), "<span class=\"s\">'open</span>\nx = <span class=\"m\">1</span>")
        XCTAssertEqual(html("größe = 1 # 中文"), "größe = <span class=\"m\">1</span> <span class=\"c\"># 中文</span>")
        XCTAssertEqual(html("f'{x"), "<span class=\"s\">f'</span><span class=\"si\">{</span>x<span class=\"s\"></span>")
    }
}

final class ProsePythonBlockTests: XCTestCase {
    func testPythonBlocksThatAreNotCellsAreColouredToo() throws {
        let html = try renderBody("- a step:\n\n  ```python\n  if a < b: print(\"&\")\n  ```\n")
        XCTAssertTrue(html.contains("<code class=\"language-python\"><span class=\"k\">if</span> a &lt; b: <span class=\"nb\">print</span>(<span class=\"s\">\"&amp;\"</span>)\n</code>"), html)
        let other = try renderBody("```js\nif (a < b) {}\n```\n")
        XCTAssertTrue(other.contains("<code class=\"language-js\">if (a &lt; b) {}\n</code>"), other)
    }
}
