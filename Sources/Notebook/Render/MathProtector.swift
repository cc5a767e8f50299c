/// Math found in the prose: what KaTeX will typeset.
struct MathSpan: Equatable {
    /// The TeX between the delimiters, exactly as written.
    var tex: String
    var display: Bool
    /// The span as written, delimiters included (shown where math cannot be
    /// typeset: inside code, or in an attribute such as an image's alt text).
    var source: String
}

/// Takes math out of Markdown before cmark sees it, so `_`, `*`, `\\` and
/// `\{` inside TeX reach KaTeX unchanged: each span becomes a placeholder
/// token (see `Placeholder`) and is kept aside in `math`.
///
/// Delimiters: `$…$` and `\(…\)` inline, `$$…$$` and `\[…\]` display. None
/// spans a blank line. The `$` rule follows pandoc's `tex_math_dollars`, so
/// prices stay prices: an opening `$` must be followed by a non-space
/// character, a closing `$` must follow a non-space character and must not
/// be followed by a digit, and `\$` is a literal dollar. `costs $5 and $10`
/// has no math; `$x$` and `$a_1 + b$` are math.
///
/// Not math: code spans, fenced and indented code blocks, HTML tags,
/// comments and autolinks (`<…>`), and link destinations (`](…)`). Code is found with a line scanner that knows block
/// quotes and list items; if it ever misses a code block, the page assembler
/// still puts the original text back inside `<code>`.
struct MathProtector {
    private(set) var output: [UInt8] = []
    private(set) var math: [MathSpan] = []

    init(capacity: Int = 0) {
        output.reserveCapacity(capacity)
    }

    /// Appends `text` to `output` with its math replaced by tokens.
    mutating func protect(_ text: ArraySlice<UInt8>) {
        text.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(text: buffer, hasPrivateUse: Self.containsTokenOpener(buffer))
            scanner.run(into: &self)
        }
    }

    /// Appends bytes that are not prose (a token of the caller's).
    mutating func appendRaw<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        output.append(contentsOf: bytes)
    }

    private static func containsTokenOpener(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index + 2 < text.count {
            if text[index] == 0xEE && text[index + 1] == 0x80 && text[index + 2] == 0x80 { return true }
            index += 1
        }
        return false
    }

    // MARK: - Scanning

    private struct Scanner {
        let text: UnsafeBufferPointer<UInt8>
        /// Whether the author wrote U+E000 somewhere (rare: only then is
        /// every copied byte inspected).
        let hasPrivateUse: Bool

        private var fence: (character: UInt8, length: Int)?
        /// Content column of the list item the current lines belong to.
        private var listIndent: Int?
        /// An indented code block may start here (after a blank line, a
        /// heading, a fence or another code line; not inside a paragraph).
        private var indentedCodeMayStart = true
        private var previousBlank = true

        init(text: UnsafeBufferPointer<UInt8>, hasPrivateUse: Bool) {
            self.text = text
            self.hasPrivateUse = hasPrivateUse
        }

        /// Splits the text into lines, sends runs of paragraph lines through
        /// the inline scanner and copies everything else.
        mutating func run(into protector: inout MathProtector) {
            var lineStart = 0
            var runStart: Int? = nil
            func flushRun(upTo end: Int, _ protector: inout MathProtector) {
                if let start = runStart { scanInline(start, end, into: &protector) }
                runStart = nil
            }
            while lineStart < text.count {
                var lineEnd = lineStart
                while lineEnd < text.count && text[lineEnd] != 0x0A && text[lineEnd] != 0x0D { lineEnd += 1 }
                var next = lineEnd
                if next < text.count {
                    next += (text[next] == 0x0D && next + 1 < text.count && text[next + 1] == 0x0A) ? 2 : 1
                }
                switch classify(lineStart, lineEnd) {
                case .paragraph:
                    if runStart == nil { runStart = lineStart }
                case .heading:
                    flushRun(upTo: lineStart, &protector)
                    scanInline(lineStart, next, into: &protector)
                case .verbatim:
                    flushRun(upTo: lineStart, &protector)
                    copy(lineStart, next, into: &protector)
                }
                lineStart = next
            }
            flushRun(upTo: text.count, &protector)
        }

        private enum LineKind { case paragraph, heading, verbatim }

        /// What a line is, updating the fence and list state.
        private mutating func classify(_ start: Int, _ end: Int) -> LineKind {
            var position = start
            var column = 0
            // Block quote markers: up to three spaces, `>`, an optional space.
            while true {
                var probe = position, probeColumn = column, spaces = 0
                while probe < end && text[probe] == 0x20 && spaces < 3 { probe += 1; probeColumn += 1; spaces += 1 }
                guard probe < end && text[probe] == UInt8(ascii: ">") else { break }
                position = probe + 1
                column = probeColumn + 1
                if position < end && (text[position] == 0x20 || text[position] == 0x09) { position += 1; column += 1 }
            }
            // Indentation.
            var indent = 0
            while position < end && (text[position] == 0x20 || text[position] == 0x09) {
                indent = text[position] == 0x09 ? (indent / 4 + 1) * 4 : indent + 1
                position += 1
            }
            let blank = position == end
            defer { previousBlank = blank }

            if let open = fence {
                if isFenceRun(position, end, character: open.character, minimumLength: open.length) {
                    fence = nil
                    indentedCodeMayStart = true
                }
                return .verbatim
            }
            if blank {
                indentedCodeMayStart = true
                return .verbatim
            }
            // List items move the content column; unindented text after a blank line ends the list.
            var contentIndent = column + indent
            if let markerWidth = listMarkerWidth(position, end) {
                var afterMarker = position + markerWidth
                var spaces = 0
                while afterMarker < end && text[afterMarker] == 0x20 && spaces < 4 { afterMarker += 1; spaces += 1 }
                listIndent = column + indent + markerWidth + max(1, spaces)
                position = afterMarker
                contentIndent = listIndent ?? contentIndent
                indent = 0
            } else if let list = listIndent, previousBlank, contentIndent < list {
                listIndent = nil
            }
            let relativeIndent = listIndent.map { max(0, contentIndent - $0) } ?? indent
            if relativeIndent >= 4 && indentedCodeMayStart {
                return .verbatim
            }
            if let length = fenceLength(position, end) {
                fence = (text[position], length)
                return .verbatim
            }
            indentedCodeMayStart = false
            if isATXHeading(position, end) {
                indentedCodeMayStart = true
                return .heading
            }
            return .paragraph
        }

        /// `-`, `+`, `*` or up to nine digits and `.`/`)`, followed by a space or the line's end.
        private func listMarkerWidth(_ position: Int, _ end: Int) -> Int? {
            guard position < end else { return nil }
            var width = 0
            let first = text[position]
            if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: "*") {
                width = 1
            } else {
                while position + width < end && width < 9 && isDigit(text[position + width]) { width += 1 }
                guard width > 0, position + width < end,
                      text[position + width] == UInt8(ascii: ".") || text[position + width] == UInt8(ascii: ")") else { return nil }
                width += 1
            }
            guard position + width == end || text[position + width] == 0x20 || text[position + width] == 0x09 else { return nil }
            return width
        }

        /// Length of an opening fence at `position` (three or more backticks
        /// with no backtick after them, or three or more tildes).
        private func fenceLength(_ position: Int, _ end: Int) -> Int? {
            guard position < end, text[position] == UInt8(ascii: "`") || text[position] == UInt8(ascii: "~") else { return nil }
            let character = text[position]
            var length = 0
            while position + length < end && text[position + length] == character { length += 1 }
            guard length >= 3 else { return nil }
            if character == UInt8(ascii: "`") {
                for offset in (position + length)..<end where text[offset] == character { return nil }
            }
            return length
        }

        private func isFenceRun(_ position: Int, _ end: Int, character: UInt8, minimumLength: Int) -> Bool {
            var offset = position
            while offset < end && text[offset] == character { offset += 1 }
            guard offset - position >= minimumLength else { return false }
            while offset < end && (text[offset] == 0x20 || text[offset] == 0x09) { offset += 1 }
            return offset == end
        }

        private func isATXHeading(_ position: Int, _ end: Int) -> Bool {
            var hashes = 0
            while position + hashes < end && text[position + hashes] == UInt8(ascii: "#") { hashes += 1 }
            guard hashes >= 1 && hashes <= 6 else { return false }
            return position + hashes == end || text[position + hashes] == 0x20 || text[position + hashes] == 0x09
        }

        // MARK: inline

        /// Finds math in `text[start..<end]` (lines of one paragraph) and
        /// appends the bytes with math replaced by tokens.
        private func scanInline(_ start: Int, _ end: Int, into protector: inout MathProtector) {
            var index = start
            var copied = start
            func emit(_ spanStart: Int, _ spanEnd: Int, texStart: Int, texEnd: Int, display: Bool,
                      _ protector: inout MathProtector) {
                copy(copied, spanStart, into: &protector)
                Placeholder.append(.math, protector.math.count, to: &protector.output)
                protector.math.append(MathSpan(tex: string(texStart, texEnd), display: display,
                                               source: string(spanStart, spanEnd)))
                copied = spanEnd
            }
            while index < end {
                switch text[index] {
                case UInt8(ascii: "\\"):
                    guard index + 1 < end else { index += 1; continue }
                    let next = text[index + 1]
                    if next == UInt8(ascii: "(") || next == UInt8(ascii: "[") {
                        let closer = next == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "]")
                        if let close = bracketClose(from: index + 2, end, closer: closer) {
                            emit(index, close + 2, texStart: index + 2, texEnd: close,
                                 display: next == UInt8(ascii: "["), &protector)
                            index = close + 2
                            continue
                        }
                    }
                    // A backslash escapes the next ASCII punctuation (`\$`, `` \` ``, `\\`).
                    index += isASCIIPunctuation(next) ? 2 : 1
                case UInt8(ascii: "`"):
                    index = codeSpanEnd(from: index, end)
                case UInt8(ascii: "$"):
                    if index + 1 < end && text[index + 1] == UInt8(ascii: "$") {
                        if let close = displayDollarClose(from: index + 2, end) {
                            emit(index, close + 2, texStart: index + 2, texEnd: close, display: true, &protector)
                            index = close + 2
                        } else {
                            index += 2
                        }
                    } else if let close = inlineDollarClose(from: index + 1, end) {
                        emit(index, close + 1, texStart: index + 1, texEnd: close, display: false, &protector)
                        index = close + 1
                    } else {
                        index += 1
                    }
                case UInt8(ascii: "<"):
                    index = tagEnd(from: index, end)
                case UInt8(ascii: "]") where index + 1 < end && text[index + 1] == UInt8(ascii: "("):
                    index = linkDestinationEnd(from: index + 1, end) ?? index + 1
                default:
                    index += 1
                }
            }
            copy(copied, end, into: &protector)
        }

        /// `$$…$$`: the offset of the closing `$$`, if the span has some non-space content.
        private func displayDollarClose(from start: Int, _ end: Int) -> Int? {
            var index = start
            while index + 1 < end {
                switch text[index] {
                case UInt8(ascii: "\\"):
                    index += 2
                case UInt8(ascii: "$"):
                    guard text[index + 1] == UInt8(ascii: "$") else { return nil }
                    return hasContent(start, index) ? index : nil
                default:
                    index += 1
                }
            }
            return nil
        }

        /// `$…$` after pandoc: the offset of the closing `$`, or nil when
        /// the opening `$` starts no math.
        private func inlineDollarClose(from start: Int, _ end: Int) -> Int? {
            guard start < end, !isSpace(text[start]) else { return nil }
            var index = start
            while index < end {
                switch text[index] {
                case UInt8(ascii: "\\"):
                    index += 2
                case UInt8(ascii: "$"):
                    guard !isSpace(text[index - 1]) else { return nil }
                    if index + 1 < end && isDigit(text[index + 1]) { return nil }
                    return index
                default:
                    index += 1
                }
            }
            return nil
        }

        /// `\(…\)` or `\[…\]`: the offset of the closing backslash.
        private func bracketClose(from start: Int, _ end: Int, closer: UInt8) -> Int? {
            var index = start
            while index + 1 < end {
                if text[index] == UInt8(ascii: "\\") {
                    if text[index + 1] == closer { return hasContent(start, index) ? index : nil }
                    index += 2
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// Past the code span opened by the backtick run at `start`, or past
        /// the run itself when no run of the same length closes it.
        private func codeSpanEnd(from start: Int, _ end: Int) -> Int {
            var runEnd = start
            while runEnd < end && text[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
            let length = runEnd - start
            var index = runEnd
            while index < end {
                guard text[index] == UInt8(ascii: "`") else { index += 1; continue }
                var closeEnd = index
                while closeEnd < end && text[closeEnd] == UInt8(ascii: "`") { closeEnd += 1 }
                if closeEnd - index == length { return closeEnd }
                index = closeEnd
            }
            return runEnd
        }

        /// Past an autolink (`<scheme:…>`), an HTML comment or declaration
        /// (`<!…>`, `<?…>`), or an HTML tag starting at `start`, else just
        /// past `<`. A tag ends at the first `>` outside quotes; an unquoted
        /// `$` means it is no tag (`if a <b and $x$ > 0`), as cmark would see it.
        private func tagEnd(from start: Int, _ end: Int) -> Int {
            guard start + 1 < end else { return start + 1 }
            let next = text[start + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                var index = start + 2
                while index < end && text[index] != UInt8(ascii: ">") { index += 1 }
                return index < end ? index + 1 : start + 1
            }
            if isLetter(next), let close = autolinkEnd(from: start + 1, end) { return close }
            var index = start + 1
            if next == UInt8(ascii: "/") { index += 1 }
            guard index < end, isLetter(text[index]) else { return start + 1 }
            var quote: UInt8? = nil
            while index < end {
                let byte = text[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    return index + 1
                } else if byte == UInt8(ascii: "<") || byte == UInt8(ascii: "$") {
                    break
                }
                index += 1
            }
            return start + 1
        }

        /// `scheme:rest>` with a scheme of 2 to 32 letters, digits, `+`, `.`, `-`
        /// and no space or `<` before the `>`: past the `>`.
        private func autolinkEnd(from start: Int, _ end: Int) -> Int? {
            var index = start
            while index < end && index - start < 32
                && (isLetter(text[index]) || isDigit(text[index]) || text[index] == UInt8(ascii: "+")
                    || text[index] == UInt8(ascii: ".") || text[index] == UInt8(ascii: "-")) {
                index += 1
            }
            guard index - start >= 2, index < end, text[index] == UInt8(ascii: ":") else { return nil }
            while index < end {
                let byte = text[index]
                if byte == UInt8(ascii: ">") { return index + 1 }
                if byte == UInt8(ascii: "<") || byte <= 0x20 { return nil }
                index += 1
            }
            return nil
        }

        /// Past the `)` closing a link destination that opens at `start`
        /// (the `(` after `]`), so a URL's `$` is never math; nil when the
        /// parentheses do not close in this paragraph.
        private func linkDestinationEnd(from start: Int, _ end: Int) -> Int? {
            var depth = 0
            var index = start
            while index < end {
                switch text[index] {
                case UInt8(ascii: "\\"): index += 1
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        }

        // MARK: bytes

        /// Copies `text[start..<end]`, replacing any U+E000 of the author's by a literal token.
        private func copy(_ start: Int, _ end: Int, into protector: inout MathProtector) {
            guard start < end else { return }
            guard hasPrivateUse else {
                protector.output.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
                return
            }
            var index = start
            var copied = start
            while index + 2 < end {
                if text[index] == 0xEE && text[index + 1] == 0x80 && text[index + 2] == 0x80 {
                    protector.output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<index]))
                    Placeholder.append(.literal, 0, to: &protector.output)
                    index += 3
                    copied = index
                } else {
                    index += 1
                }
            }
            protector.output.append(contentsOf: UnsafeBufferPointer(rebasing: text[copied..<end]))
        }

        private func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
        }

        private func hasContent(_ start: Int, _ end: Int) -> Bool {
            for index in start..<end where !isSpace(text[index]) { return true }
            return false
        }

        private func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }

        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

        private func isLetter(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }

        private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
            (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60)
                || (byte >= 0x7B && byte <= 0x7E)
        }
    }
}
