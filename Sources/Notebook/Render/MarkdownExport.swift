/// `--format md`: the notebook as a Git host shows it, with the outputs of
/// this run and each figure as an image link `figures/NAME-N.svg` (N counts
/// the notebook's figures from 1) in a paragraph after its cell's output.
/// Everything else, front matter and `hide` cells included, stays byte for
/// byte as the author wrote it, as with `litgrad run`.
struct MarkdownExport {
    var markdown: [UInt8]
    /// SVG files, by path inside the output folder.
    var figures: [(path: String, svg: String)]

    static func make(_ document: NotebookDocument, cells: [RenderedCell], updatedBytes: [UInt8],
                     relativePath: String) throws -> MarkdownExport {
        guard cells.contains(where: { !$0.figures.isEmpty }) else {
            return MarkdownExport(markdown: updatedBytes, figures: [])
        }
        // Outputs were rewritten, so cell positions are read again from the new text.
        let updated = try NotebookDocument.parse(updatedBytes, path: document.path)
        let name = fileStem(relativePath)
        let folder = SitePaths.folder(of: relativePath)
        let lineEnding = updated.defaultLineEnding
        var edits: [ByteEdit] = []
        var figures: [(String, String)] = []
        for rendered in cells where !rendered.figures.isEmpty && rendered.cell.index < updated.cells.count {
            let cell = updated.cells[rendered.cell.index]
            var insertion: [UInt8] = []
            for svg in rendered.figures {
                figures.append(((folder.isEmpty ? "" : folder + "/") + "figures/\(name)-\(figures.count + 1).svg", svg))
                insertion += lineEnding + lineEnding
                insertion += "![Figure \(figures.count)](".utf8
                insertion += SitePaths.urlEncoded("figures/\(name)-\(figures.count).svg").utf8
                insertion += ")".utf8
            }
            let position = cell.output?.endOfClosingFence ?? cell.endOfClosingFence
            edits.append(ByteEdit(range: position..<position, replacement: insertion))
        }
        return MarkdownExport(markdown: OutputBlockWriter.apply(edits, to: updatedBytes), figures: figures)
    }

    /// `01-intro` for `zh/01-intro.md`.
    static func fileStem(_ relativePath: String) -> String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
