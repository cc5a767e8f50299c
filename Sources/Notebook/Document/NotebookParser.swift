import PyInterpreter

/// Turns a notebook's bytes into cells and output blocks with byte ranges.
///
/// Only top-level fenced blocks are cells or outputs. A ```` ```python ````
/// block inside a list item or block quote is shown as code but not run (a
/// warning says so): an output block written inside such a container would
/// need the container's markers on every line, and lessons rarely want that.
enum NotebookParser {
    static func parse(_ bytes: [UInt8], path: String) throws -> NotebookDocument {
        if let problem = TextValidation.firstProblem(in: bytes, file: path) {
            throw NotebookInputError([problem])
        }
        let bodyStart = TextValidation.byteOrderMarkLength(bytes)
        let lines = LineTable(bytes, from: bodyStart)

        var frontMatter = FrontMatter()
        var markdown = bytes
        if let block = try FrontMatterParser.locate(in: bytes, lines: lines, file: path) {
            frontMatter = try FrontMatterParser.parse(block, file: path)
            // cmark must not see `---` lines (a thematic break or a setext
            // heading underline); blanking them keeps every offset in place.
            for line in 1...block.lineCount {
                for offset in lines.start(ofLine: line)..<lines.contentEnd(ofLine: line) { markdown[offset] = 0x20 }
            }
        }

        let blocks = CmarkDocument.fencedCodeBlocks(in: markdown, range: bodyStart..<bytes.count)
        var builder = Builder(bytes: bytes, lines: lines, path: path)
        builder.collect(blocks)
        if !builder.errors.isEmpty { throw NotebookInputError(builder.errors) }
        return NotebookDocument(path: path, bytes: bytes, frontMatter: frontMatter, cells: builder.cells,
                                warnings: builder.warnings, defaultLineEnding: firstLineEnding(bytes, lines), lines: lines)
    }

    private static func firstLineEnding(_ bytes: [UInt8], _ lines: LineTable) -> [UInt8] {
        let ending = lines.lineEnding(ofLine: 1, in: bytes)
        return ending.isEmpty ? [0x0A] : Array(ending)
    }

    private struct Builder {
        let bytes: [UInt8]
        let lines: LineTable
        let path: String
        var cells: [Cell] = []
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []

        mutating func collect(_ blocks: [FencedCodeBlock]) {
            var index = 0
            while index < blocks.count {
                let block = blocks[index]
                index += 1
                let info = rawInfo(block)
                let words = CellInfoParser.words(info.text)
                guard let language = words.first?.text, CellAttributes.cellLanguages.contains(language) else {
                    continue
                }
                guard block.isTopLevel else {
                    warnings.append(Diagnostic(file: path, line: block.startLine, column: column(ofByte: info.offset, line: block.startLine),
                        severity: .warning, message: "a \(language) block inside a list or block quote is not run as a cell"))
                    continue
                }
                let (attributes, attributeErrors) = CellInfoParser.attributes(words.dropFirst())
                for error in attributeErrors {
                    errors.append(Diagnostic(file: path, line: block.startLine,
                                             column: column(ofByte: info.offset + error.offset, line: block.startLine),
                                             message: error.message))
                }
                guard let closingLine = closingLine(of: block) else {
                    errors.append(Diagnostic(file: path, line: block.startLine, column: block.startColumn,
                        message: "this cell's code fence is never closed; end the cell with a line of \(fenceText(block))"))
                    continue
                }
                var output: OutputBlock? = nil
                if index < blocks.count, let candidate = outputBlock(blocks[index], after: closingLine) {
                    output = candidate
                    index += 1
                }
                cells.append(Cell(
                    index: cells.count,
                    attributes: attributes,
                    source: CellSource(code: codeWithoutFinalNewline(block.literal), firstLine: block.startLine + 1,
                                       indent: block.fenceIndent),
                    fence: Fence(character: block.fenceCharacter, length: block.fenceLength, indent: block.fenceIndent),
                    openingLine: block.startLine,
                    closingLine: closingLine,
                    endOfClosingFence: lines.contentEnd(ofLine: closingLine),
                    output: output))
            }
        }

        /// The output block of a cell closed at `cellClosingLine`: the next
        /// fenced block, if only blank lines come between and its info is `output`.
        private mutating func outputBlock(_ block: FencedCodeBlock, after cellClosingLine: Int) -> OutputBlock? {
            guard block.isTopLevel, block.startLine > cellClosingLine,
                  ((cellClosingLine + 1)..<block.startLine).allSatisfy(isBlank) else { return nil }
            let info = rawInfo(block)
            let words = CellInfoParser.words(info.text)
            guard words.first?.text == "output" else { return nil }
            for word in words.dropFirst() {
                errors.append(Diagnostic(file: path, line: block.startLine,
                                         column: column(ofByte: info.offset + word.offset, line: block.startLine),
                                         message: "unexpected '\(word.text)' after 'output'; an output block's info string is just 'output'"))
            }
            guard let closingLine = closingLine(of: block) else {
                errors.append(Diagnostic(file: path, line: block.startLine, column: block.startColumn,
                    message: "this output block's fence is never closed, so it runs to the end of the file; end it with a line of \(fenceText(block))"))
                return nil
            }
            let openingRunStart = lines.start(ofLine: block.startLine) + block.startColumn - 1
            let closingRunStart = firstNonSpace(onLine: closingLine)
            var closingRunEnd = closingRunStart
            while closingRunEnd < bytes.count && bytes[closingRunEnd] == block.fenceCharacter { closingRunEnd += 1 }
            return OutputBlock(
                text: block.literal,
                fence: Fence(character: block.fenceCharacter, length: block.fenceLength, indent: block.fenceIndent),
                openingLine: block.startLine,
                closingLine: closingLine,
                openingFenceRun: openingRunStart..<(openingRunStart + block.fenceLength),
                closingFenceRun: closingRunStart..<closingRunEnd,
                contentRange: lines.end(ofLine: block.startLine)..<lines.start(ofLine: closingLine),
                endOfClosingFence: lines.contentEnd(ofLine: closingLine),
                lineEnding: Array(lines.lineEnding(ofLine: block.startLine, in: bytes)))
        }

        /// The info string as written on the opening fence line (cmark's copy
        /// has escapes resolved, and its offsets are needed for columns).
        private func rawInfo(_ block: FencedCodeBlock) -> (text: Substring, offset: Int) {
            let start = lines.start(ofLine: block.startLine) + block.startColumn - 1 + block.fenceLength
            let end = lines.contentEnd(ofLine: block.startLine)
            let text = String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
            return (Substring(text), start)
        }

        /// The block's closing fence line, or nil when the fence runs to the end of the file.
        private func closingLine(of block: FencedCodeBlock) -> Int? {
            let line = block.endLine
            guard line > block.startLine, lines.contains(line: line) else { return nil }
            var offset = lines.start(ofLine: line)
            let end = lines.contentEnd(ofLine: line)
            var spaces = 0
            while offset < end && bytes[offset] == 0x20 && spaces < 4 { offset += 1; spaces += 1 }
            guard spaces <= 3 else { return nil }
            var run = 0
            while offset < end && bytes[offset] == block.fenceCharacter { offset += 1; run += 1 }
            guard run >= block.fenceLength else { return nil }
            while offset < end && (bytes[offset] == 0x20 || bytes[offset] == 0x09) { offset += 1 }
            return offset == end ? line : nil
        }

        private func isBlank(_ line: Int) -> Bool {
            bytes[lines.start(ofLine: line)..<lines.contentEnd(ofLine: line)].allSatisfy { $0 == 0x20 || $0 == 0x09 }
        }

        private func firstNonSpace(onLine line: Int) -> Int {
            var offset = lines.start(ofLine: line)
            while offset < lines.contentEnd(ofLine: line) && bytes[offset] == 0x20 { offset += 1 }
            return offset
        }

        /// Scalar column of an absolute byte offset on `line`.
        private func column(ofByte offset: Int, line: Int) -> Int {
            TextValidation.scalarColumn(of: offset, lineStart: lines.start(ofLine: line), in: bytes)
        }

        private func fenceText(_ block: FencedCodeBlock) -> String {
            String(repeating: Character(Unicode.Scalar(block.fenceCharacter)), count: block.fenceLength)
        }

        private func codeWithoutFinalNewline(_ literal: String) -> String {
            literal.hasSuffix("\n") ? String(literal.dropLast()) : literal
        }
    }
}
