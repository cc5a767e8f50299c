/// Decides whether a fresh output matches the recorded one.
///
/// Tolerant mode (the default): both texts are split into lines, trailing
/// spaces ignored; on each line the text between numbers must be identical
/// and the numbers must agree. A number written with a point or an exponent
/// may differ by one unit of its last recorded digit (`33.2000` accepts
/// `33.2001`), or by `atol + rtol·|recorded|` when a tolerance is set.
/// Integers must be equal unless a tolerance is set. `-0.` equals `0.`,
/// `nan` equals `nan`. An object address (`<MulBackward0 object at
/// 0x7f…>`) matches any address: no two runs, even of Python, print the
/// same one. Exact mode compares bytes.
public struct OutputComparison: Sendable {
    public var exact: Bool
    public var tolerance: Tolerance

    public init(exact: Bool = false, tolerance: Tolerance = Tolerance()) {
        self.exact = exact
        self.tolerance = tolerance
    }

    public func matches(recorded: String, fresh: String) -> Bool {
        if exact { return recorded == fresh }
        if recorded == fresh { return true }
        let recordedLines = Self.lines(recorded)
        let freshLines = Self.lines(fresh)
        guard recordedLines.count == freshLines.count else { return false }
        for (a, b) in zip(recordedLines, freshLines) where !linesMatch(recorded: a, fresh: b) {
            return false
        }
        return true
    }

    /// Whether one recorded line and one fresh line match (the diff uses
    /// this to pair lines, so a diff shows only the lines that really differ).
    func linesMatch(recorded: ArraySlice<UInt8>, fresh: ArraySlice<UInt8>) -> Bool {
        if exact { return recorded.elementsEqual(fresh) }
        let a = Self.maskingAddresses(Self.trimmingTrailingSpaces(recorded))
        let b = Self.maskingAddresses(Self.trimmingTrailingSpaces(fresh))
        if a.elementsEqual(b) { return true }
        let numbersA = OutputTokenizer.numbers(in: a)
        let numbersB = OutputTokenizer.numbers(in: b)
        guard numbersA.count == numbersB.count, !numbersA.isEmpty else { return false }
        var textA = a.startIndex, textB = b.startIndex
        for (x, y) in zip(numbersA, numbersB) {
            guard a[textA..<(a.startIndex + x.range.lowerBound)].elementsEqual(b[textB..<(b.startIndex + y.range.lowerBound)]),
                  numbersMatch(recorded: x, fresh: y) else { return false }
            textA = a.startIndex + x.range.upperBound
            textB = b.startIndex + y.range.upperBound
        }
        return a[textA...].elementsEqual(b[textB...])
    }

    private func numbersMatch(recorded: OutputTokenizer.NumberToken, fresh: OutputTokenizer.NumberToken) -> Bool {
        let a = recorded.value, b = fresh.value
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        if a == b { return true } // also -0 == 0 and inf == inf
        if a.isInfinite || b.isInfinite { return false }
        let difference = abs(a - b)
        if tolerance.isSet {
            return difference <= (tolerance.atol ?? 0) + (tolerance.rtol ?? 0) * abs(a)
        }
        guard let unit = recorded.lastDigitUnit else { return false }
        // A hair of slack: the decimal unit itself is not exact in binary.
        return difference <= unit * (1 + 1e-9)
    }

    /// Lines of `text` as byte slices, without the final empty line after a last "\n".
    static func lines(_ text: String) -> [ArraySlice<UInt8>] {
        let bytes = Array(text.utf8)
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// The line with the hex digits of every ` at 0x…` address removed.
    static func maskingAddresses(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let marker = Array(" at 0x".utf8)
        guard line.count >= marker.count else { return line }
        var out: [UInt8] = []
        var i = line.startIndex
        var changed = false
        while i < line.endIndex {
            if line[i] == marker[0], line.endIndex - i >= marker.count, line[i..<(i + marker.count)].elementsEqual(marker) {
                out.append(contentsOf: marker)
                i += marker.count
                while i < line.endIndex, isHexDigit(line[i]) { i += 1; changed = true }
            } else {
                out.append(line[i])
                i += 1
            }
        }
        return changed ? out[...] : line
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x66).contains(byte) || (0x41...0x46).contains(byte)
    }

    static func trimmingTrailingSpaces(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var line = line
        while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
        return line
    }
}
