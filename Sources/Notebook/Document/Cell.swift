import PyInterpreter

/// A run of fence characters opening or closing a code block.
public struct Fence: Equatable, Sendable {
    /// `` ` `` or `~`.
    public var character: UInt8
    public var length: Int
    /// Columns of indentation before the opening fence (0...3).
    public var indent: Int

    public init(character: UInt8, length: Int, indent: Int) {
        self.character = character
        self.length = length
        self.indent = indent
    }
}

/// A ```` ```python ```` block of a notebook and the output block after it.
public struct Cell: Sendable {
    /// Position among the notebook's cells, from 0.
    public var index: Int
    public var attributes: CellAttributes
    /// The code as the interpreter receives it, with its notebook position.
    public var source: CellSource
    public var fence: Fence
    /// Line of the opening fence.
    public var openingLine: Int
    /// Line of the closing fence.
    public var closingLine: Int
    /// Byte offset just past the closing fence line's text (before its line
    /// ending): where a new output block is inserted.
    public var endOfClosingFence: Int
    /// The output block right after the cell, if there is one.
    public var output: OutputBlock?
}

/// A ```` ```output ```` block: what the cell printed when it last ran.
public struct OutputBlock: Equatable, Sendable {
    /// The recorded text (fence indentation removed, line endings "\n").
    public var text: String
    public var fence: Fence
    /// Line of the opening fence.
    public var openingLine: Int
    /// Line of the closing fence.
    public var closingLine: Int
    /// Bytes of the opening fence's run of fence characters.
    public var openingFenceRun: Range<Int>
    /// Bytes of the closing fence's run of fence characters.
    public var closingFenceRun: Range<Int>
    /// Bytes between the opening fence line and the closing fence line.
    public var contentRange: Range<Int>
    /// Byte offset just past the closing fence line's text.
    public var endOfClosingFence: Int
    /// The line ending of the opening fence line, used for rewritten content.
    public var lineEnding: [UInt8]
}
