/// A notebook's page content: prose through cmark with math protected, and
/// each cell (with its output block) replaced by the cell's HTML.
struct LessonBody {
    var html: [UInt8]
    var headings: [Heading]
    var hasMath: Bool

    /// Ids the page template uses, which headings must not take.
    static let reservedIDs: Set<String> = ["lg-contents", "lg-main", "lg-lessons"]

    static func render(_ document: NotebookDocument, cells: [RenderedCell], allowRawHTML: Bool) -> LessonBody {
        let bytes = document.bytes
        var position = document.frontMatter.byteRange?.upperBound ?? TextValidation.byteOrderMarkLength(bytes)
        var protector = MathProtector(capacity: bytes.count + 64)
        for cell in document.cells {
            let start = document.lines.start(ofLine: cell.openingLine)
            let end = document.lines.end(ofLine: cell.output?.closingLine ?? cell.closingLine)
            guard start >= position else { continue }
            protector.protect(bytes[position..<start])
            // Blank lines around the token make it a paragraph of its own,
            // ending whatever came before just as the fence did.
            protector.appendRaw("\n".utf8)
            var token: [UInt8] = []
            Placeholder.append(.cell, cell.index, to: &token)
            protector.appendRaw(token)
            protector.appendRaw("\n\n".utf8)
            position = end
        }
        if position < bytes.count { protector.protect(bytes[position...]) }

        var cellHTML = Array(repeating: [UInt8](), count: document.cells.count)
        for rendered in cells where rendered.cell.index < cellHTML.count {
            cellHTML[rendered.cell.index] = CellHTML.render(rendered)
        }
        var assembler = ProseAssembler(math: protector.math, cells: cellHTML, reservedIDs: reservedIDs)
        let html = CmarkDocument.withRenderedHTML(markdown: protector.output, unsafe: allowRawHTML) { assembler.assemble($0) }
        return LessonBody(html: html, headings: assembler.headings, hasMath: !protector.math.isEmpty)
    }
}
