import Foundation
import PyInterpreter
import XCTest
@testable import Notebook

/// The fake interpreter of the notebook tests, plus figures: a line
/// `figure("NAME")` in a cell draws a fake SVG figure whose text is NAME.
final class FigureDrawingRunner: CellRunner {
    private let fake: FakeCellRunner

    init(fileName: String, limits: Limits) {
        fake = FakeCellRunner(fileName: fileName, limits: limits)
    }

    func run(_ cell: CellSource, limits: Limits) -> CellResult {
        var result = fake.run(cell, limits: limits)
        for line in cell.code.split(separator: "\n") {
            let statement = line.drop { $0 == " " }
            guard statement.hasPrefix("figure(\""), let close = statement.dropFirst(8).firstIndex(of: "\"") else { continue }
            let name = statement[statement.index(statement.startIndex, offsetBy: 8)..<close]
            result.figures.append(CellFigure(kind: .plot, svg: FakeFigure.svg(String(name))))
        }
        return result
    }

    static let factory: CellRunnerFactory = { FigureDrawingRunner(fileName: $0, limits: $1) }
}

enum FakeFigure {
    /// A small, valid SVG that a test can find again by its name.
    static func svg(_ name: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fake-figure\" data-name=\"\(name)\" width=\"120\" height=\"40\" viewBox=\"0 0 120 40\"><rect width=\"120\" height=\"40\" fill=\"#dde\"/><text x=\"8\" y=\"26\">\(name)</text></svg>"
    }
}

/// A render into a temporary folder with the fake interpreter and a fake
/// KaTeX (the unit tests check what is copied, not KaTeX itself).
final class RenderFixture {
    let folder: TemporaryFolder
    let katex: String
    var options: RenderOptions

    init() throws {
        folder = try TemporaryFolder()
        katex = folder.url("katex-dist")
        try folder.write("katex-dist/katex.min.js", "/* katex */")
        try folder.write("katex-dist/katex.min.css", "/* katex css */")
        try folder.write("katex-dist/fonts/KaTeX_Main-Regular.woff2", "font")
        options = RenderOptions(outputDirectory: folder.url("site"))
        options.makeRunner = FigureDrawingRunner.factory
        options.katexDirectory = katex
        options.jobs = 1
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try folder.write("notebooks/" + name, text)
    }

    func render(_ paths: [String]? = nil) -> RenderReport {
        SiteRenderer.render(paths: paths ?? [folder.url("notebooks")], options: options)
    }

    func site(_ name: String) throws -> String {
        try folder.read("site/" + name)
    }

    func siteFileExists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: folder.url("site/" + name))
    }

    func remove() { folder.remove() }
}

/// The page content (between `<article …>` and `</article>`) of a body rendered in memory.
func renderBody(_ markdown: String, cells: [RenderedCell]? = nil, allowRawHTML: Bool = false) throws -> String {
    let document = try parse(markdown)
    let rendered = cells ?? document.cells.map { RenderedCell(cell: $0, ran: true, output: "") }
    let body = LessonBody.render(document, cells: rendered, allowRawHTML: allowRawHTML)
    return String(decoding: body.html, as: UTF8.self)
}

/// The math spans the protector finds in `text`, and the protected text.
func protect(_ text: String) -> (markdown: String, math: [MathSpan]) {
    var protector = MathProtector()
    protector.protect(Array(text.utf8)[...])
    return (String(decoding: protector.output, as: UTF8.self), protector.math)
}

func occurrences(of needle: String, in haystack: String) -> Int {
    haystack.components(separatedBy: needle).count - 1
}
