import XCTest
@testable import Notebook

/// Math is taken out before cmark and put back intact; prices, code and
/// escaped dollars are not math.
final class MathProtectionTests: XCTestCase {
    private func tex(_ text: String) -> [String] { protect(text).math.map(\.tex) }
    private func displays(_ text: String) -> [Bool] { protect(text).math.map(\.display) }

    func testDollarDelimitersFindInlineAndDisplayMath() {
        XCTAssertEqual(tex("Let $x$ be"), ["x"])
        XCTAssertEqual(tex("sum $$\\sum_i x_i$$ done"), ["\\sum_i x_i"])
        XCTAssertEqual(displays("a $x$ b $$y$$"), [false, true])
        XCTAssertEqual(tex("$a$$b$"), ["a", "b"])
    }

    func testBackslashDelimiters() {
        XCTAssertEqual(tex("inline \\(\\alpha + 1\\) and display \\[\\beta\\]"), ["\\alpha + 1", "\\beta"])
        XCTAssertEqual(displays("\\(a\\) \\[b\\]"), [false, true])
        // An escaped backslash before a parenthesis opens nothing.
        XCTAssertEqual(tex("a \\\\(b) c"), [])
    }

    func testCurrencyIsNotMath() {
        XCTAssertEqual(tex("It costs $5 and $10."), [])
        XCTAssertEqual(tex("between $5 and $10 each, $x$ is"), ["x"])
        XCTAssertEqual(tex("a $ 5 and 6 $ b"), [], "a space after the opening $ opens nothing")
        XCTAssertEqual(tex("a $5 $ b"), [], "a space before the closing $ closes nothing")
        XCTAssertEqual(tex("$x$5"), [], "a closing $ followed by a digit closes nothing")
        XCTAssertEqual(tex("pay $20, or $30 at the door"), [])
        XCTAssertEqual(tex("US$100 and US$200"), [], "no space before the second $, but a digit after it")
        XCTAssertEqual(tex("$1,000"), [])
    }

    func testEscapedDollarsAreLiteral() {
        XCTAssertEqual(tex("\\$x\\$ stays"), [])
        XCTAssertEqual(tex("$a \\$ b$"), ["a \\$ b"], "an escaped dollar inside math does not close it")
    }

    func testMathDoesNotCrossBlankLines() {
        XCTAssertEqual(tex("$a\n\nb$"), [])
        XCTAssertEqual(tex("$$\na\n\nb\n$$"), [])
        XCTAssertEqual(tex("$a\nb$"), ["a\nb"], "a soft line break inside one paragraph is fine")
    }

    func testMultiLineAlignedBlockKeepsEveryBackslashAndAmpersand() {
        let block = """
            $$
            \\begin{aligned}
            y_1 &= w_1 x + b_1 \\\\
            L &= (y_3 - t)^2 \\{ \\}
            \\end{aligned}
            $$
            """
        let spans = protect(block).math
        XCTAssertEqual(spans.count, 1)
        XCTAssertEqual(spans.first?.tex, "\n\\begin{aligned}\ny_1 &= w_1 x + b_1 \\\\\nL &= (y_3 - t)^2 \\{ \\}\n\\end{aligned}\n")
        XCTAssertEqual(spans.first?.display, true)
    }

    func testMarkdownCharactersInsideMathReachThePageUnchanged() throws {
        let html = try renderBody("Inline $a_1 * b_2 * c_3$ and $\\{x\\}$ and $a\\\\b$.\n")
        XCTAssertTrue(html.contains("<span class=\"math inline\">a_1 * b_2 * c_3</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">\\{x\\}</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">a\\\\b</span>"), html)
        XCTAssertFalse(html.contains("<em>"), html)
    }

    func testAlignedDisplayMathOnThePageIsEscapedTeX() throws {
        let html = try renderBody("$$\n\\begin{aligned}\na &= b \\\\\nc &< d\n\\end{aligned}\n$$\n")
        XCTAssertTrue(html.contains("<span class=\"math display\">\n\\begin{aligned}\na &amp;= b \\\\\nc &amp;&lt; d\n\\end{aligned}\n</span>"), html)
    }

    func testCodeIsNotMath() {
        XCTAssertEqual(tex("`$x$` and ``a $y$ ` b`` then $z$"), ["z"])
        XCTAssertEqual(tex("```\n$x$\n```\n$y$\n"), ["y"])
        XCTAssertEqual(tex("~~~~ python\n$x$\n~~~\n$q$\n~~~~\n$y$\n"), ["y"], "a shorter fence does not close a longer one")
        XCTAssertEqual(tex("text\n\n    $indented$\n\n$y$\n"), ["y"])
        XCTAssertEqual(tex("- item\n\n  ```\n  $x$\n  ```\n- $y$\n"), ["y"])
        XCTAssertEqual(tex("> quote\n> ```\n> $x$\n> ```\n> $y$\n"), ["y"])
        XCTAssertEqual(tex("`unclosed $x$"), ["x"], "a backtick run nobody closes is literal")
    }

    func testIndentedTextInsideAListIsNotCode() {
        XCTAssertEqual(tex("1. first\n\n    continued $x$\n"), ["x"])
        XCTAssertEqual(tex("paragraph\n    lazy $x$\n"), ["x"], "four spaces inside a paragraph continue it")
    }

    func testMathInsideHTMLTagsAndAutolinksIsLeftAlone() {
        XCTAssertEqual(tex("<a title=\"$x$\">t</a> <https://x.org/$y$> $z$"), ["z"])
    }

    func testMathInsideCodeIsShownAsWrittenEvenIfTheScannerMissesTheCode() throws {
        // An HTML block's <pre><code> is not code to the scanner, but the page shows the source.
        let html = try renderBody("<pre><code>$x_1$</code></pre>\n", allowRawHTML: true)
        XCTAssertTrue(html.contains("<code>$x_1$</code>"), html)
    }

    func testMathInAltTextAndLinkTitlesStaysPlainText() throws {
        let html = try renderBody("![area $r^2$](disc.png) [link](u \"the $x$ title\")\n")
        XCTAssertTrue(html.contains("alt=\"area $r^2$\""), html)
        XCTAssertTrue(html.contains("title=\"the $x$ title\""), html)
        XCTAssertFalse(html.contains("alt=\"area <span"), html)
    }

    func testMathInsideLinkTextAndEmphasis() throws {
        let html = try renderBody("[see $x_1$](u) and *with $y_2$*\n")
        XCTAssertTrue(html.contains("<a href=\"u\">see <span class=\"math inline\">x_1</span></a>"), html)
        XCTAssertTrue(html.contains("<em>with <span class=\"math inline\">y_2</span></em>"), html)
    }

    func testTokensTheAuthorWroteCannotForgeMath() throws {
        let forged = "a \u{E000}M0\u{E001} b $x$\n"
        let (markdown, math) = protect(forged)
        XCTAssertEqual(math.map(\.tex), ["x"])
        XCTAssertEqual(occurrences(of: "\u{E000}", in: markdown), 2, "the author's character became a token of its own")
        let html = try renderBody(forged)
        XCTAssertTrue(html.contains("a &#xE000;M0\u{E001} b <span class=\"math inline\">x</span>"), html)
    }

    func testDollarsInOrdinaryProseSurviveCmark() throws {
        let html = try renderBody("It costs $5 and $10; escaped \\$x\\$.\n")
        XCTAssertTrue(html.contains("It costs $5 and $10; escaped $x$."), html)
        XCTAssertFalse(html.contains("math"), html)
    }
}

/// Where `<` and `](` start something cmark reads before any math.
final class MathBoundaryTests: XCTestCase {
    private func tex(_ text: String) -> [String] { protect(text).math.map(\.tex) }

    func testALessThanSignThatIsNoTagDoesNotHideMath() {
        XCTAssertEqual(tex("if a <b and $x$ > 0"), ["x"])
        XCTAssertEqual(tex("<span title=\"$a$\">$b$</span>"), ["b"])
        XCTAssertEqual(tex("<!-- $a$ --> $b$"), ["b"])
        XCTAssertEqual(tex("$a < b$ and $c > d$"), ["a < b", "c > d"])
    }

    func testLinkDestinationsAreNotMath() throws {
        XCTAssertEqual(tex("[price](https://shop.example/$5/$x$) and $y$"), ["y"])
        let html = try renderBody("[a](https://x.org/$a$b) $c$\n")
        XCTAssertTrue(html.contains("href=\"https://x.org/$a$b\""), html)
        XCTAssertTrue(html.contains("<span class=\"math inline\">c</span>"), html)
        XCTAssertEqual(tex("[not a link]($x$ and text"), ["x"], "an unclosed parenthesis is prose")
    }
}
