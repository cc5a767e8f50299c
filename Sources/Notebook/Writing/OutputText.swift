/// What a cell printed, in the form an output block records it.
enum OutputText {
    /// Line endings become "\n" (cmark reads a lone CR as a line break too),
    /// NUL becomes U+FFFD (as cmark reads it), and non-empty text ends with a newline.
    static func normalized(_ printed: String) -> String {
        guard !printed.isEmpty else { return printed }
        var needsWork = !printed.hasSuffix("\n")
        if !needsWork {
            for byte in printed.utf8 where byte == 0x0D || byte == 0 {
                needsWork = true
                break
            }
        }
        guard needsWork else { return printed }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in printed.unicodeScalars {
            switch scalar {
            case "\r":
                scalars.append("\n")
                previousWasCR = true
                continue
            case "\n" where previousWasCR:
                break
            case "\0":
                scalars.append("\u{FFFD}")
            default:
                scalars.append(scalar)
            }
            previousWasCR = false
        }
        var text = String(scalars)
        if !text.hasSuffix("\n") { text += "\n" }
        return text
    }

    /// Length of the longest run of `character` in `text`.
    static func longestRun(of character: UInt8, in text: String) -> Int {
        var longest = 0, current = 0
        for byte in text.utf8 {
            current = byte == character ? current + 1 : 0
            longest = max(longest, current)
        }
        return longest
    }

    /// Whether some line of `text` would end a block opened by `fence`: up
    /// to three spaces, at least `fence.length` fence characters, then only
    /// spaces or tabs. (Deeper indentation is treated as closing too; the
    /// cost of that caution is only a longer fence.)
    static func containsClosingFence(for fence: Fence, in text: String) -> Bool {
        var utf8 = Substring(text).utf8[...]
        while !utf8.isEmpty {
            let lineEnd = utf8.firstIndex(of: 0x0A) ?? utf8.endIndex
            var line = utf8[utf8.startIndex..<lineEnd].drop { $0 == 0x20 }
            var run = 0
            while let first = line.first, first == fence.character { run += 1; line = line.dropFirst() }
            if run >= fence.length && line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
            utf8 = lineEnd == utf8.endIndex ? utf8[lineEnd...] : utf8[utf8.index(after: lineEnd)...]
        }
        return false
    }
}
