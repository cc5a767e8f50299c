import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import Notebook

final class ReportFormatTests: XCTestCase {
    /// A report with one of everything.
    private func sampleReport(mode: RunOptions.Mode = .check) -> RunReport {
        var lesson = NotebookReport(path: "lessons/a, b.md")
        lesson.cells = [
            CellReport(index: 0, line: 3, status: .passed, duration: 0.5),
            CellReport(index: 1, line: 10, status: .failed, findings: [
                Finding(kind: .outputDiffers, line: 14, message: "output differs",
                        details: "--- lessons/a, b.md:14 (recorded)\n+++ this run\n@@ -15 +15 @@\n-<a> & \"b\"\n+c 100%\n"),
            ]),
            CellReport(index: 2, line: 20, status: .failed, findings: [
                Finding(kind: .raised, line: 22, column: 5, message: "NameError: name 'x' is not defined",
                        details: "   22 | y = x\n      |     ^\n"),
            ]),
            CellReport(index: 3, line: 30, status: .skipped),
        ]
        lesson.updatedBlocks = mode == .run ? 2 : 0
        var broken = NotebookReport(path: "broken.md")
        broken.inputErrors = [Diagnostic(file: "broken.md", line: 4, column: 11, message: "unknown cell attribute 'nrun'")]
        return RunReport(mode: mode, notebooks: [lesson, broken], duration: 1.234)
    }

    func testTextReport() {
        XCTAssertEqual(TextReport.render(sampleReport()), """
            lessons/a, b.md:14: output differs
            --- lessons/a, b.md:14 (recorded)
            +++ this run
            @@ -15 +15 @@
            -<a> & "b"
            +c 100%

            lessons/a, b.md:22:5: error: NameError: name 'x' is not defined
               22 | y = x
                  |     ^

            broken.md:4:11: error: unknown cell attribute 'nrun'

            1 passed, 2 failed, 1 skipped
            2 notebooks in 1.23s

            """)
    }

    func testSummaryLineStandsAloneEvenWhenAllIsWell() {
        let report = RunReport(mode: .check, notebooks: [NotebookReport(path: "x.md")], duration: 0.004)
        XCTAssertEqual(TextReport.render(report), "0 passed, 0 failed, 0 skipped\n1 notebook in 0.00s\n")
    }

    func testRunModeMentionsUpdatesUnlessQuiet() {
        let text = TextReport.render(sampleReport(mode: .run))
        XCTAssertTrue(text.contains("\nlessons/a, b.md: updated 2 output blocks\n"), text)
        XCTAssertTrue(text.hasSuffix("2 notebooks in 1.23s, 1 updated\n"), text)
        XCTAssertFalse(TextReport.render(sampleReport(mode: .run), quiet: true).contains("updated 2"))
    }

    func testColourOnlyWhenAsked() {
        let plain = TextReport.render(sampleReport())
        XCTAssertFalse(plain.contains("\u{1B}["))
        let colored = TextReport.render(sampleReport(), color: true)
        XCTAssertTrue(colored.contains("\u{1B}[31m-<a> & \"b\"\u{1B}[0m"), colored)
        XCTAssertTrue(colored.contains("\u{1B}[32m+c 100%\u{1B}[0m"))
        XCTAssertTrue(colored.contains("\u{1B}[31merror:\u{1B}[0m"))
        XCTAssertTrue(colored.contains("\n1 passed, 2 failed, 1 skipped\n"))
    }

    func testColourFollowsTerminalAndNoColor() {
        XCTAssertTrue(Terminal.colorAllowed(onTerminal: true, environment: ["TERM": "xterm"]))
        XCTAssertFalse(Terminal.colorAllowed(onTerminal: false, environment: [:]))
        XCTAssertFalse(Terminal.colorAllowed(onTerminal: true, environment: ["NO_COLOR": "1"]))
        XCTAssertTrue(Terminal.colorAllowed(onTerminal: true, environment: ["NO_COLOR": ""]))
        XCTAssertFalse(Terminal.colorAllowed(onTerminal: true, environment: ["TERM": "dumb"]))
    }

    func testGitHubAnnotations() {
        let lines = GitHubReport.render(sampleReport()).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertEqual(lines[0], "::error file=lessons/a%2C b.md,line=14,title=output differs::output differs%0A--- lessons/a, b.md:14 (recorded)%0A+++ this run%0A@@ -15 +15 @@%0A-<a> & \"b\"%0A+c 100%25%0A")
        XCTAssertEqual(lines[1], "::error file=lessons/a%2C b.md,line=22,col=5,title=cell raised NameError::NameError: name 'x' is not defined%0A   22 | y = x%0A      |     ^%0A")
        XCTAssertEqual(lines[2], "::error file=broken.md,line=4,col=11,title=cannot read notebook::unknown cell attribute 'nrun'")
        XCTAssertEqual(lines[3], "1 passed, 2 failed, 1 skipped")
        XCTAssertEqual(lines.count, 6)
    }

    func testJUnitXML() {
        let xml = JUnitReport.render(sampleReport())
        XCTAssertEqual(xml, """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="litgrad" tests="5" failures="2" errors="1" skipped="1" time="1.234">
              <testsuite name="lessons/a, b.md" tests="4" failures="2" errors="0" skipped="1" time="0.000">
                <testcase classname="lessons/a, b.md" name="cell 1 (line 3)" time="0.500"/>
                <testcase classname="lessons/a, b.md" name="cell 2 (line 10)" time="0.000">
                  <failure message="output differs" type="outputDiffers">lessons/a, b.md:14: output differs
            --- lessons/a, b.md:14 (recorded)
            +++ this run
            @@ -15 +15 @@
            -&lt;a&gt; &amp; &quot;b&quot;
            +c 100%
            </failure>
                </testcase>
                <testcase classname="lessons/a, b.md" name="cell 3 (line 20)" time="0.000">
                  <failure message="NameError: name &apos;x&apos; is not defined" type="raised">lessons/a, b.md:22:5: NameError: name &apos;x&apos; is not defined
               22 | y = x
                  |     ^
            </failure>
                </testcase>
                <testcase classname="lessons/a, b.md" name="cell 4 (line 30)" time="0.000">
                  <skipped message="norun"/>
                </testcase>
              </testsuite>
              <testsuite name="broken.md" tests="1" failures="0" errors="1" skipped="0" time="0.000">
                <testcase classname="broken.md" name="read notebook" time="0">
                  <error message="unknown cell attribute &apos;nrun&apos;">broken.md:4:11: error: unknown cell attribute &apos;nrun&apos;</error>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    func testJUnitDropsCharactersXMLCannotHold() {
        XCTAssertEqual(JUnitReport.escape("a\u{1B}[31mb\u{0}c\td\r"), "a\u{FFFD}[31mb\u{FFFD}c\td&#13;")
    }

    func testJUnitIsWellFormed() throws {
        let data = Data(JUnitReport.render(sampleReport()).utf8)
        let parser = XMLParser(data: data)
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
    }
}
