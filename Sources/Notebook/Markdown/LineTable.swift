/// Where every line of a byte buffer starts and ends. Line endings are the
/// ones cmark recognises (LF, CRLF, or a lone CR), so cmark's 1-based line
/// numbers index this table directly and its byte columns become offsets
/// into the original bytes.
struct LineTable {
    /// Byte offset where line `i + 1` starts.
    private var starts: [Int] = []
    /// Byte offset where line `i + 1`'s text ends, before its line ending.
    private var contentEnds: [Int] = []
    /// One past the last byte of the buffer.
    let endOffset: Int

    /// Splits `bytes[from...]` into lines. A final line ending does not open
    /// an extra empty line, matching cmark's numbering.
    init(_ bytes: [UInt8], from start: Int = 0) {
        endOffset = bytes.count
        starts.reserveCapacity(bytes.count / 32 + 1)
        contentEnds.reserveCapacity(bytes.count / 32 + 1)
        var lineStart = start
        var i = start
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                starts.append(lineStart)
                contentEnds.append(i)
                i += (byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
                lineStart = i
            } else {
                i += 1
            }
        }
        if lineStart < bytes.count || starts.isEmpty {
            starts.append(lineStart)
            contentEnds.append(bytes.count)
        }
    }

    var count: Int { starts.count }

    func contains(line: Int) -> Bool { line >= 1 && line <= starts.count }

    /// Offset of the first byte of `line` (1-based).
    func start(ofLine line: Int) -> Int { starts[line - 1] }

    /// Offset just past the text of `line`, before its line ending.
    func contentEnd(ofLine line: Int) -> Int { contentEnds[line - 1] }

    /// Offset just past `line` including its line ending (the next line's start).
    func end(ofLine line: Int) -> Int { line < starts.count ? starts[line] : endOffset }

    /// The line ending bytes of `line` (empty for a last line without one).
    func lineEnding(ofLine line: Int, in bytes: [UInt8]) -> ArraySlice<UInt8> {
        bytes[contentEnd(ofLine: line)..<end(ofLine: line)]
    }
}
