/// A replacement of one byte range of the file.
struct ByteEdit: Equatable {
    var range: Range<Int>
    var replacement: [UInt8]
}

/// Writes output blocks back by byte range. Every edit touches only bytes
/// that belong to an output block (or the blank lines that introduce one), so
/// the rest of the file survives byte for byte.
enum OutputBlockWriter {
    private static let backtick = UInt8(ascii: "`")

    /// A new block in canonical form after `cell`'s closing fence: a blank
    /// line, a backtick fence longer than any backtick run in `text`, the text,
    /// the closing fence. The file's following line ending stays where it was,
    /// so removing the block again restores the file exactly.
    static func insertion(of text: String, after cell: Cell, in document: NotebookDocument) -> ByteEdit {
        let ownEnding = document.lines.lineEnding(ofLine: cell.closingLine, in: document.bytes)
        let lineEnding = ownEnding.isEmpty ? document.defaultLineEnding : Array(ownEnding)
        let fence = [UInt8](repeating: backtick, count: max(3, OutputText.longestRun(of: backtick, in: text) + 1))
        var block: [UInt8] = []
        block.reserveCapacity(text.utf8.count + 32)
        block += lineEnding
        block += lineEnding
        block += fence
        block += "output".utf8
        block += lineEnding
        appendContent(text, indent: 0, lineEnding: lineEnding, to: &block)
        block += fence
        return ByteEdit(range: cell.endOfClosingFence..<cell.endOfClosingFence, replacement: block)
    }

    /// Edits that make `block` hold `text`, keeping its fence characters,
    /// indentation and info string; the fence grows only if `text` would close it.
    static func replacement(of block: OutputBlock, with text: String) -> [ByteEdit] {
        var content: [UInt8] = []
        content.reserveCapacity(text.utf8.count + 16)
        appendContent(text, indent: block.fence.indent, lineEnding: block.lineEnding, to: &content)
        let contentEdit = ByteEdit(range: block.contentRange, replacement: content)
        guard OutputText.containsClosingFence(for: block.fence, in: text) else { return [contentEdit] }
        let length = max(block.fence.length, OutputText.longestRun(of: block.fence.character, in: text) + 1)
        let run = [UInt8](repeating: block.fence.character, count: length)
        return [ByteEdit(range: block.openingFenceRun, replacement: run),
                contentEdit,
                ByteEdit(range: block.closingFenceRun, replacement: run)]
    }

    /// Removes `block` together with the blank lines between it and `cell`:
    /// the exact inverse of `insertion`.
    static func removal(of block: OutputBlock, after cell: Cell) -> ByteEdit {
        ByteEdit(range: cell.endOfClosingFence..<block.endOfClosingFence, replacement: [])
    }

    /// `bytes` with `edits` applied; edits must be sorted and must not overlap.
    static func apply(_ edits: [ByteEdit], to bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var position = 0
        for edit in edits {
            result += bytes[position..<edit.range.lowerBound]
            result += edit.replacement
            position = edit.range.upperBound
        }
        result += bytes[position...]
        return result
    }

    /// `text` (ending in "\n") as block content: each non-empty line indented
    /// like the fence (cmark strips that much back off), then `lineEnding`.
    private static func appendContent(_ text: String, indent: Int, lineEnding: [UInt8], to bytes: inout [UInt8]) {
        var lineStart = true
        for byte in text.utf8 {
            if byte == 0x0A {
                bytes += lineEnding
                lineStart = true
                continue
            }
            if lineStart && indent > 0 {
                bytes += repeatElement(0x20, count: indent)
            }
            lineStart = false
            bytes.append(byte)
        }
    }
}
