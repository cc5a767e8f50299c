/// A parsed notebook: its bytes, front matter and cells with the byte ranges
/// that write-back needs. Nothing here changes the bytes.
public struct NotebookDocument: Sendable {
    /// The path as the user gave it; used in every message.
    public let path: String
    /// The file exactly as read.
    public let bytes: [UInt8]
    public let frontMatter: FrontMatter
    public let cells: [Cell]
    /// Notices that are not errors, such as a Python block inside a list.
    public let warnings: [Diagnostic]
    /// The line ending new blocks use when a cell's own line has none: the
    /// file's first line ending, or "\n".
    public let defaultLineEnding: [UInt8]
    let lines: LineTable

    init(path: String, bytes: [UInt8], frontMatter: FrontMatter, cells: [Cell], warnings: [Diagnostic],
         defaultLineEnding: [UInt8], lines: LineTable) {
        self.path = path
        self.bytes = bytes
        self.frontMatter = frontMatter
        self.cells = cells
        self.warnings = warnings
        self.defaultLineEnding = defaultLineEnding
        self.lines = lines
    }

    /// Reads `bytes` as a notebook; throws every positioned error found.
    public static func parse(_ bytes: [UInt8], path: String) throws -> NotebookDocument {
        try NotebookParser.parse(bytes, path: path)
    }

    /// Number of lines in the file.
    public var lineCount: Int { lines.count }

    /// The text of a 1-based line without its line ending, or nil past the end.
    public func line(_ number: Int) -> String? {
        guard lines.contains(line: number) else { return nil }
        return String(decoding: bytes[lines.start(ofLine: number)..<lines.contentEnd(ofLine: number)], as: UTF8.self)
    }
}
