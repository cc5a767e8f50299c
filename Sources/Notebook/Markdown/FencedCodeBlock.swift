/// A fenced code block as cmark parsed it, copied into plain Swift values
/// (no cmark pointer survives the parse). Offsets refer to the bytes that were
/// handed to cmark; lines and columns are cmark's (1-based, columns in bytes).
struct FencedCodeBlock: Equatable {
    /// cmark's info string (backslash escapes and entities resolved).
    var info: String
    /// The content with the fence's indentation removed and line endings as "\n".
    var literal: String
    /// `` ` `` or `~`.
    var fenceCharacter: UInt8
    /// Number of fence characters in the opening fence.
    var fenceLength: Int
    /// Columns of indentation before the opening fence (0...3 at top level).
    var fenceIndent: Int
    var startLine: Int
    var startColumn: Int
    var endLine: Int
    var endColumn: Int
    /// A direct child of the document, not inside a list item or block quote.
    var isTopLevel: Bool
}
