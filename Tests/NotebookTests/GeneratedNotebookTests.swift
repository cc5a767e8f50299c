import XCTest
import PyInterpreter
@testable import Notebook

/// Property tests over random notebooks: for each one we know the file as
/// `run` must leave it (outputs in canonical form) and the same file without
/// outputs, and check that run, re-run and delete map between them exactly.
final class GeneratedNotebookTests: XCTestCase {
    private struct Generated {
        var withoutOutputs: String
        var withOutputs: String
        /// `withOutputs` after a run in which cells print nothing: only
        /// `error` cells keep a block, holding just their exception line.
        var silenced: String
        var cellCodes: [String]
        var description: String
    }

    func testRunDeleteAndRerunAreExactInverses() throws {
        var rng = SeededGenerator(seed: 2024)
        for round in 0..<300 {
            let notebook = generate(&rng)
            let context = "round \(round): \(notebook.description)\n\(notebook.withoutOutputs.debugDescription)"

            let document = try parse(notebook.withOutputs)
            XCTAssertEqual(document.cells.map(\.source.code), notebook.cellCodes, context)

            XCTAssertEqual(try runOnce(notebook.withoutOutputs), notebook.withOutputs, context)
            XCTAssertNil(try process(notebook.withOutputs).1, "second run changed the file; " + context)
            let silenced = try process(notebook.withOutputs) { $0.makeRunner = Self.printsNothing }.1
            XCTAssertEqual(silenced ?? notebook.withOutputs, notebook.silenced, context)
            XCTAssertEqual(try runOnce(notebook.silenced), notebook.withOutputs, context)
            XCTAssertEqual(try process(notebook.withOutputs, mode: .check).0.failed, 0, context)
        }
    }

    func testChangedOutputsRewriteOnlyTheirBlocks() throws {
        var rng = SeededGenerator(seed: 99)
        for round in 0..<100 {
            let notebook = generate(&rng)
            // Make every recorded output stale, then run: the result must be
            // the same as running from scratch.
            let document = try parse(notebook.withOutputs)
            var edits: [ByteEdit] = []
            for cell in document.cells {
                if let block = cell.output { edits += OutputBlockWriter.replacement(of: block, with: "stale ``` ~~~\n") }
            }
            let staled = String(decoding: OutputBlockWriter.apply(edits, to: document.bytes), as: UTF8.self)
            let rerun = try runOnce(staled)
            XCTAssertEqual(rerun, notebook.withOutputs, "round \(round): \(notebook.description)\nSTALED \(staled.debugDescription)\nGOT \(rerun.debugDescription)\nWANT \(notebook.withOutputs.debugDescription)")
        }
    }

    // MARK: generator

    private func generate(_ rng: inout SeededGenerator) -> Generated {
        let crlf = Int.random(in: 0..<4, using: &rng) == 0
        let bom = Int.random(in: 0..<6, using: &rng) == 0
        let finalNewline = Int.random(in: 0..<4, using: &rng) != 0
        var stripped = ""
        var full = ""
        var silenced = ""
        var codes: [String] = []
        var previousWasContainer = false
        func emit(_ text: String) { stripped += text; full += text; silenced += text }
        func fence(for output: String) -> String {
            String(repeating: "`", count: max(3, OutputText.longestRun(of: UInt8(ascii: "`"), in: output) + 1))
        }
        func block(_ output: String, fence: String) -> String { "\n\n\(fence)output\n\(output)\(fence)" }

        if Int.random(in: 0..<3, using: &rng) == 0 {
            emit("---\ntitle: Generated \(Int.random(in: 0..<100, using: &rng))\n---\n")
        }
        for _ in 0..<Int.random(in: 0...8, using: &rng) {
            emit("\n")
            if previousWasContainer { emit("Back to prose.\n\n") }
            previousWasContainer = false
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...4:
                let (cell, code, output, expectsError) = makeCell(&rng)
                codes.append(code)
                emit(cell)
                if let output { full += block(output, fence: fence(for: output)) }
                // A rewritten block keeps its fence while the fence still fits.
                if expectsError, let output { silenced += block("ValueError: bad\n", fence: fence(for: output)) }
                emit("\n")
            case 5:
                emit(["Plain prose with trailing spaces   \n", "Tabs\tinside\t\n", "Unicode: ∂E/∂w → δ, é\n",
                      "# A heading\n", "Setext\n---\n", "***\n", "Some `inline ``` code` here.\n"].randomElement(using: &rng)!)
            case 6:
                let fence = ["```", "~~~", "````"].randomElement(using: &rng)!
                // An `output` block after prose belongs to no cell.
                let info = ["text", "js", "", "output"].randomElement(using: &rng)!
                emit((info == "output" ? "Orphan:\n\n" : "") + "\(fence)\(info)\nnot a cell\n\(fence)\n")
            case 7:
                emit("- item\n\n  ```python\n  print(\"in a list\")\n  ```\n")
                previousWasContainer = true
            case 8:
                emit("> quote\n> ```py\n> print(\"quoted\")\n> ```\n")
                previousWasContainer = true
            default:
                emit("    indented code\n    ```python\n")
            }
        }
        var variants = [stripped, full, silenced]
        let dropFinalNewlines = !finalNewline && variants.allSatisfy { $0.hasSuffix("\n") }
        for index in variants.indices {
            if dropFinalNewlines {
                while variants[index].hasSuffix("\n") { variants[index].removeLast() }
            }
            if crlf { variants[index] = variants[index].replacingOccurrences(of: "\n", with: "\r\n") }
            if bom { variants[index] = "\u{FEFF}" + variants[index] }
        }
        return Generated(withoutOutputs: variants[0], withOutputs: variants[1], silenced: variants[2], cellCodes: codes,
                         description: "crlf=\(crlf) bom=\(bom) finalNewline=\(finalNewline)")
    }

    /// A cell without its final line ending, its code as cmark reads it, the
    /// output the fake runner prints for it (nil for none), and whether it is
    /// an `error` cell.
    private func makeCell(_ rng: inout SeededGenerator) -> (String, String, String?, Bool) {
        let character = Bool.random(using: &rng) ? "`" : "~"
        let fence = String(repeating: character, count: Int.random(in: 3...5, using: &rng))
        let indent = String(repeating: " ", count: Int.random(in: 0...3, using: &rng))
        let expectsError = Int.random(in: 0..<6, using: &rng) == 0
        let noRun = !expectsError && Int.random(in: 0..<8, using: &rng) == 0
        let language = Bool.random(using: &rng) ? "python" : "py"
        let info = language + (expectsError ? " error" : "") + (noRun ? " norun" : "") + (Bool.random(using: &rng) ? " hide" : "")

        var lines: [String] = []
        var output = ""
        for _ in 0..<Int.random(in: 0...4, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0, 1:
                let text = ["hello", "tensor(-4800.)", "x = 1 ```", "``", "tab\there", "  padded", "∂L/∂w = 0.5000", "~~~~", "````"]
                    .randomElement(using: &rng)!
                lines.append("print(\"\(text)\")")
                output += text + "\n"
            case 2:
                lines.append("x = \(Int.random(in: 0..<9, using: &rng))")
            default:
                lines.append("")
            }
        }
        if expectsError {
            lines.append("raise ValueError(\"bad\")")
            output += "ValueError: bad\n"
        }
        let code = lines.joined(separator: "\n")
        var cell = indent + "\(fence)\(info)\n"
        for line in lines { cell += (line.isEmpty ? "" : indent) + line + "\n" }
        cell += indent + fence
        return (cell, code, noRun || output.isEmpty ? nil : output, expectsError)
    }

    /// Runs cells but drops what they print; `raise` still raises.
    private static let printsNothing: CellRunnerFactory = { name, limits in
        let runner = FakeCellRunner(fileName: name, limits: limits)
        runner.canned = { cell in
            guard cell.code.contains("raise ValueError") else { return CellResult(output: "") }
            return CellResult(output: "", error: CellError(type: "ValueError", message: "bad", location: nil))
        }
        return runner
    }
}
