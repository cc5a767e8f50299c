/// Finishes cmark's HTML in one pass: puts math back where its tokens are
/// (as `<span class="math …">` holding the escaped TeX), puts each cell's
/// HTML where its token paragraph is, and gives headings ids, collecting
/// them for the table of contents.
///
/// Where a token is not ordinary page text it becomes its source text
/// instead, escaped: inside `<code>` (math that was really code) and inside
/// a tag (an image's alt text, a link title), where markup would break the tag.
struct ProseAssembler {
    let math: [MathSpan]
    /// The HTML of each cell, by index.
    let cells: [[UInt8]]
    private(set) var headings: [Heading] = []
    private var slugger: HeadingSlugger

    init(math: [MathSpan], cells: [[UInt8]], reservedIDs: Set<String>) {
        self.math = math
        self.cells = cells
        slugger = HeadingSlugger(reserved: reservedIDs)
    }

    mutating func assemble(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count + html.count / 8 + cells.reduce(0) { $0 + $1.count })
        var codeDepth = 0
        process(html, 0, html.count, into: &out, codeDepth: &codeDepth, headingsAllowed: true)
        return out
    }

    private mutating func process(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt8],
                                  codeDepth: inout Int, headingsAllowed: Bool) {
        var index = start
        var copied = start
        func flush(_ upTo: Int, _ out: inout [UInt8]) {
            if copied < upTo { out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<upTo])) }
        }
        while index < end {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                var tagEnd = index + 1
                var hasToken = false
                while tagEnd < end && html[tagEnd] != UInt8(ascii: ">") {
                    if html[tagEnd] == 0xEE { hasToken = true }
                    tagEnd += 1
                }
                guard tagEnd < end else {
                    // A lone `<` of raw HTML: text, as far as this pass is concerned.
                    index += 1
                    continue
                }
                if headingsAllowed, codeDepth == 0, let level = headingLevel(html, index, tagEnd),
                   let close = headingClose(html, level: level, from: tagEnd + 1, end) {
                    flush(index, &out)
                    appendHeading(html, level: level, contentStart: tagEnd + 1, contentEnd: close, into: &out)
                    index = close + 5
                    copied = index
                    continue
                }
                if codeDepth == 0, let close = pythonCodeClose(html, index, tagEnd, end) {
                    // Python shown as plain code (in a list or quote, not a cell) is coloured too.
                    flush(tagEnd + 1, &out)
                    PythonHighlighter.append(Self.decodingEntities(html, tagEnd + 1, close), to: &out)
                    index = close
                    copied = close
                    continue
                }
                if starts(html, index, tagEnd, with: "<code".utf8), index + 5 == tagEnd || html[index + 5] == 0x20 {
                    codeDepth += 1
                } else if tagEnd - index == 6, starts(html, index, tagEnd, with: "</code".utf8) {
                    codeDepth = max(0, codeDepth - 1)
                }
                if !hasToken, let link = Self.notebookLinkTarget(html, index, tagEnd) {
                    // A link to another notebook leads to its page.
                    flush(link.lowerBound, &out)
                    out += "html".utf8
                    copied = link.upperBound
                }
                if hasToken {
                    flush(index, &out)
                    appendTag(html, index, tagEnd + 1, into: &out)
                    copied = tagEnd + 1
                }
                index = tagEnd + 1
            } else if byte == 0xEE, let token = Placeholder.read(html, at: index) {
                flush(index, &out)
                var after = token.end
                switch token.kind {
                case .math where token.index < math.count:
                    let span = math[token.index]
                    if codeDepth > 0 {
                        out.appendEscaped(span.source)
                    } else {
                        out.append(span.display ? "<span class=\"math display\">" : "<span class=\"math inline\">")
                        out.appendEscaped(span.tex)
                        out.append("</span>")
                    }
                case .cell where token.index < cells.count:
                    // The token stood alone in a paragraph: the cell replaces the paragraph.
                    if out.count >= 3 && out[(out.count - 3)...].elementsEqual("<p>".utf8) { out.removeLast(3) }
                    if starts(html, after, end, with: "</p>".utf8) { after += 4 }
                    if after < end && html[after] == 0x0A { after += 1 }
                    out += cells[token.index]
                case .literal:
                    out.append("&#xE000;")
                default:
                    out.append("&#xE000;")
                    after = index + 3
                }
                index = after
                copied = index
            } else {
                index += 1
            }
        }
        flush(end, &out)
    }

    /// A tag that holds tokens: each becomes its escaped source text.
    private func appendTag(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt8]) {
        var index = start
        var copied = start
        while index < end {
            if html[index] == 0xEE, let token = Placeholder.read(html, at: index), token.end <= end {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<index]))
                if token.kind == .math && token.index < math.count {
                    out.appendEscaped(math[token.index].source)
                } else {
                    out.append("&#xE000;")
                }
                index = token.end
                copied = index
            } else {
                index += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<end]))
    }

    // MARK: links

    /// In `<a href="…">`, the `md` of a relative link to a Markdown file
    /// (`02-next.md`, `../zh/01.md#setup`): on the site that notebook is an
    /// HTML page. Links with a scheme, absolute paths and fragments alone are
    /// left as they are.
    static func notebookLinkTarget(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ tagEnd: Int) -> Range<Int>? {
        let opening = Array("<a href=\"".utf8)
        guard tagEnd - start > opening.count,
              UnsafeBufferPointer(rebasing: html[start..<(start + opening.count)]).elementsEqual(opening) else { return nil }
        let valueStart = start + opening.count
        var valueEnd = valueStart
        var pathEnd: Int? = nil
        while valueEnd < tagEnd && html[valueEnd] != UInt8(ascii: "\"") {
            let byte = html[valueEnd]
            if byte == UInt8(ascii: ":") && pathEnd == nil { return nil }  // a scheme (before any ? or #)
            if (byte == UInt8(ascii: "#") || byte == UInt8(ascii: "?")) && pathEnd == nil { pathEnd = valueEnd }
            valueEnd += 1
        }
        let end = pathEnd ?? valueEnd
        guard end - valueStart > 3, html[valueStart] != UInt8(ascii: "/"),
              html[end - 3] == UInt8(ascii: "."), html[end - 2] == UInt8(ascii: "m"), html[end - 1] == UInt8(ascii: "d")
        else { return nil }
        return (end - 2)..<end
    }

    // MARK: Python code blocks

    /// Where `</code>` closes a `<code class="language-python">` (or
    /// `language-py`) opened at `start`, when its content holds no token.
    private func pythonCodeClose(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ tagEnd: Int, _ end: Int) -> Int? {
        let length = tagEnd + 1 - start
        guard length == 30 || length == 26,
              starts(html, start, tagEnd + 1, with: "<code class=\"language-python\">".utf8)
                || starts(html, start, tagEnd + 1, with: "<code class=\"language-py\">".utf8) else { return nil }
        var index = tagEnd + 1
        while index + 7 <= end {
            if html[index] == 0xEE { return nil }
            if html[index] == UInt8(ascii: "<") { return starts(html, index, end, with: "</code>".utf8) ? index : nil }
            index += 1
        }
        return nil
    }

    /// cmark's escaped code text back to the code (`&amp;`, `&lt;`, `&gt;`, `&quot;`).
    static func decodingEntities(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(end - start)
        var index = start
        let entities: [(name: [UInt8], value: UInt8)] = [(Array("&amp;".utf8), 0x26), (Array("&lt;".utf8), 0x3C),
                                                          (Array("&gt;".utf8), 0x3E), (Array("&quot;".utf8), 0x22)]
        while index < end {
            if html[index] == UInt8(ascii: "&"),
               let entity = entities.first(where: { index + $0.name.count <= end && html[index..<(index + $0.name.count)].elementsEqual($0.name) }) {
                bytes.append(entity.value)
                index += entity.name.count
            } else {
                bytes.append(html[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: headings

    private mutating func appendHeading(_ html: UnsafeBufferPointer<UInt8>, level: Int, contentStart: Int, contentEnd: Int,
                                        into out: inout [UInt8]) {
        var content: [UInt8] = []
        var codeDepth = 0
        process(html, contentStart, contentEnd, into: &content, codeDepth: &codeDepth, headingsAllowed: false)
        let text = plainText(html, contentStart, contentEnd)
        let id = slugger.slug(for: text)
        let label = Self.removingLinks(content)
        headings.append(Heading(level: level, id: id, html: String(decoding: label, as: UTF8.self), text: text))
        out.append("<h\(level) id=\"")
        out.appendEscaped(id)
        out.append("\">")
        out += content
        out.append("<a class=\"anchor\" href=\"#")
        out.appendEscaped(id)
        out.append("\" aria-hidden=\"true\">#</a></h\(level)>")
    }

    /// `1`…`6` when `html[start...end]` is exactly `<h1>`…`<h6>` (as cmark writes headings).
    private func headingLevel(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard end - start == 3, html[end] == UInt8(ascii: ">"), html[start + 1] == UInt8(ascii: "h"),
              html[start + 2] >= UInt8(ascii: "1"), html[start + 2] <= UInt8(ascii: "6") else { return nil }
        return Int(html[start + 2] - UInt8(ascii: "0"))
    }

    /// Offset of the `</hN>` closing a heading. The search stops at the next
    /// heading, so raw HTML with unclosed `<hN>` tags costs no quadratic time.
    private func headingClose(_ html: UnsafeBufferPointer<UInt8>, level: Int, from start: Int, _ end: Int) -> Int? {
        let closing = Array("</h\(level)>".utf8)
        var index = start
        while index + closing.count <= end {
            if html[index] == UInt8(ascii: "<") {
                if starts(html, index, end, with: closing) { return index }
                if index + 3 < end, headingLevel(html, index, index + 3) != nil { return nil }
            }
            index += 1
        }
        return nil
    }

    /// The heading's text: tags dropped, entities decoded, math as TeX.
    private func plainText(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        var bytes: [UInt8] = []
        var index = start
        while index < end {
            let byte = html[index]
            if byte == UInt8(ascii: "<") {
                while index < end && html[index] != UInt8(ascii: ">") { index += 1 }
                index += 1
            } else if byte == UInt8(ascii: "&") {
                let entities: [(String, UInt8)] = [("&amp;", 0x26), ("&lt;", 0x3C), ("&gt;", 0x3E), ("&quot;", 0x22)]
                if let (name, value) = entities.first(where: { starts(html, index, end, with: $0.0.utf8) }) {
                    bytes.append(value)
                    index += name.utf8.count
                } else {
                    bytes.append(byte)
                    index += 1
                }
            } else if byte == 0xEE, let token = Placeholder.read(html, at: index) {
                if token.kind == .math && token.index < math.count { bytes += math[token.index].tex.utf8 }
                index = token.end
            } else {
                bytes.append(byte)
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self).trimmingSpaces()
    }

    /// `<a …>` and `</a>` removed, for use inside another link.
    static func removingLinks(_ html: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var index = 0
        while index < html.count {
            if html[index] == UInt8(ascii: "<"), index + 2 < html.count,
               (html[index + 1] == UInt8(ascii: "a") && (html[index + 2] == 0x20 || html[index + 2] == UInt8(ascii: ">")))
                || (html[index + 1] == UInt8(ascii: "/") && html[index + 2] == UInt8(ascii: "a")
                    && index + 3 < html.count && html[index + 3] == UInt8(ascii: ">")) {
                while index < html.count && html[index] != UInt8(ascii: ">") { index += 1 }
                index += 1
            } else {
                out.append(html[index])
                index += 1
            }
        }
        return out
    }

    // MARK: bytes

    private func starts<S: Sequence>(_ html: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, with prefix: S) -> Bool
    where S.Element == UInt8 {
        var index = start
        for byte in prefix {
            guard index < end, html[index] == byte else { return false }
            index += 1
        }
        return true
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
