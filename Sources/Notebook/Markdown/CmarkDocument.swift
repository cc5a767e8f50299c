import CCmark

/// The one place that talks to libcmark: parse, copy every fenced code block
/// into Swift values, free the tree, all inside one call.
enum CmarkDocument {
    /// The fenced code blocks of `bytes[range]`, in document order.
    /// Indented code blocks are left out: they are never cells or outputs.
    static func fencedCodeBlocks(in bytes: [UInt8], range: Range<Int>) -> [FencedCodeBlock] {
        bytes.withUnsafeBufferPointer { buffer -> [FencedCodeBlock] in
            let base = buffer.baseAddress.map { UnsafeRawPointer($0 + range.lowerBound) }
            // Without a run of three backticks or tildes there is no fence to find:
            // prose-only documents skip cmark's parse here (the page still renders it).
            guard let base, containsFenceRun(base, count: range.count) else { return [] }
            let text = base.assumingMemoryBound(to: CChar.self)
            guard let document = cmark_parse_document(text, range.count, CMARK_OPT_SOURCEPOS) else { return [] }
            defer { cmark_node_free(document) }
            guard let iterator = cmark_iter_new(document) else { return [] }
            defer { cmark_iter_free(iterator) }

            let lines = LineTable(bytes, from: range.lowerBound)
            var blocks: [FencedCodeBlock] = []
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                      let node = cmark_iter_get_node(iterator),
                      cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK else { continue }
                let isTopLevel = cmark_node_parent(node).map { cmark_node_get_type($0) == CMARK_NODE_DOCUMENT } ?? false
                let startLine = Int(cmark_node_get_start_line(node))
                let startColumn = Int(cmark_node_get_start_column(node))
                guard lines.contains(line: startLine),
                      let fence = fenceOpening(in: bytes, lines: lines, line: startLine, column: startColumn,
                                               isTopLevel: isTopLevel) else { continue }
                blocks.append(FencedCodeBlock(
                    info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
                    literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
                    fenceCharacter: fence.character,
                    fenceLength: fence.length,
                    fenceIndent: fence.indent,
                    startLine: startLine,
                    startColumn: startColumn,
                    endLine: Int(cmark_node_get_end_line(node)),
                    endColumn: Int(cmark_node_get_end_column(node)),
                    isTopLevel: isTopLevel))
            }
            return blocks
        }
    }

    private static func containsFenceRun(_ text: UnsafeRawPointer, count: Int) -> Bool {
        let bytes = UnsafeRawBufferPointer(start: text, count: count)
        var i = 2
        while i < count {
            // Look at every third byte: a run of three includes one of them.
            let c = bytes[i]
            if c == UInt8(ascii: "`") || c == UInt8(ascii: "~") {
                var start = i, end = i
                while start > 0 && bytes[start - 1] == c { start -= 1 }
                while end + 1 < count && bytes[end + 1] == c { end += 1 }
                if end - start >= 2 { return true }
                i = end + 3
            } else {
                i += 3
            }
        }
        return false
    }

    /// cmark 0.30 does not say whether a code block is fenced, nor give its
    /// fence; both are read back from the bytes at the block's start. An
    /// indented code block starts after four columns of indentation, a fence
    /// after at most three (only knowable at top level, where nothing else
    /// indents the line).
    private static func fenceOpening(in bytes: [UInt8], lines: LineTable, line: Int, column: Int,
                                     isTopLevel: Bool) -> (character: UInt8, length: Int, indent: Int)? {
        let lineStart = lines.start(ofLine: line)
        let lineEnd = lines.contentEnd(ofLine: line)
        let fenceStart = lineStart + column - 1
        guard fenceStart < lineEnd else { return nil }
        let character = bytes[fenceStart]
        guard character == UInt8(ascii: "`") || character == UInt8(ascii: "~") else { return nil }
        var length = 0
        while fenceStart + length < lineEnd && bytes[fenceStart + length] == character { length += 1 }
        guard length >= 3 else { return nil }
        // Columns of whitespace directly before the fence (tabs to multiples of 4).
        var indentStart = fenceStart
        while indentStart > lineStart && (bytes[indentStart - 1] == 0x20 || bytes[indentStart - 1] == 0x09) {
            indentStart -= 1
        }
        var indent = 0
        for offset in indentStart..<fenceStart {
            indent = bytes[offset] == 0x09 ? (indent / 4 + 1) * 4 : indent + 1
        }
        if isTopLevel && (indentStart != lineStart || indent > 3) { return nil }
        return (character, length, isTopLevel ? indent : 0)
    }
}

// MARK: - HTML

extension CmarkDocument {
    /// cmark's HTML for `markdown`. Safe mode (the default) leaves raw HTML
    /// out and blanks `javascript:`-style link targets; `unsafe` passes raw
    /// HTML through.
    static func renderHTML(markdown: String, unsafe: Bool) -> String {
        withRenderedHTML(markdown: Array(markdown.utf8), unsafe: unsafe) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with cmark's HTML for `markdown` while cmark's buffer is
    /// alive, so large documents are not copied an extra time.
    static func withRenderedHTML<Result>(markdown: [UInt8], unsafe: Bool,
                                         _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_SAFE
        let document = markdown.withUnsafeBufferPointer { buffer in
            cmark_parse_document(buffer.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) },
                                 buffer.count, options)
        }
        guard let document else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, options) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        defer { cmark_get_default_mem_allocator().pointee.free(html) }
        let start = UnsafeRawPointer(html).assumingMemoryBound(to: UInt8.self)
        var length = 0
        while start[length] != 0 { length += 1 }
        return body(UnsafeBufferPointer(start: start, count: length))
    }
}
