/// Padding, sign placement and digit grouping shared by the int, float and
/// str formatters (CPython's `calc_number_widths`, `fill_number` and
/// `_PyUnicode_InsertThousandsGrouping`).
extension PyFormatSpec {
    /// Widths and precisions above this raise MemoryError instead of
    /// allocating gigabytes (CPython would try).
    public static let maximumWidth = 1 << 24

    func checkSize() throws(PyFormatError) {
        if (width ?? 0) > Self.maximumWidth || (precision ?? 0) > Self.maximumWidth {
            throw PyFormatError(type: "MemoryError", message: "")
        }
    }

    /// Fill and alignment once the value's type supplies its default
    /// alignment (`>` for numbers, `<` for strings).
    func resolvedFillAndAlign(defaultAlign: Unicode.Scalar) -> (fill: Unicode.Scalar, align: Unicode.Scalar) {
        guard zeroPadding else { return (fill, align ?? defaultAlign) }
        return ("0", align ?? (defaultAlign == ">" ? "=" : defaultAlign))
    }

    /// A number split as CPython splits it:
    /// `<sign><prefix><digits>[.]<remainder>`, where only the digits are
    /// grouped and zero-padded, and `=` padding goes after sign and prefix.
    struct NumberParts {
        var negative: Bool
        var prefix: [Unicode.Scalar] = []
        var digits: [Unicode.Scalar]
        var hasDecimalPoint = false
        var remainder: [Unicode.Scalar] = []
    }

    func layOut(_ number: NumberParts, groupSize: Int?, uppercase: Bool = false) -> String {
        let (fillChar, alignment) = resolvedFillAndAlign(defaultAlign: ">")
        let signChar: Unicode.Scalar?
        switch sign {
        case "+": signChar = number.negative ? "-" : "+"
        case " ": signChar = number.negative ? "-" : " "
        default: signChar = number.negative ? "-" : nil
        }
        let fixedCount = (signChar == nil ? 0 : 1) + number.prefix.count
            + (number.hasDecimalPoint ? 1 : 0) + number.remainder.count
        let minimumDigits = fillChar == "0" && alignment == "=" ? (width ?? -1) - fixedCount : 0
        var digits = number.digits.isEmpty
            ? []
            : Self.grouped(number.digits, minimumWidth: minimumDigits, groupSize: groupSize, separator: grouping ?? ",")
        var prefix = number.prefix
        if uppercase {
            digits = digits.map(Self.uppercased)
            prefix = prefix.map(Self.uppercased)
        }
        let padding = max(0, (width ?? -1) - (fixedCount + digits.count))
        var left = 0, inner = 0, right = 0
        switch alignment {
        case "<": right = padding
        case "^": left = padding / 2; right = padding - left
        case "=": inner = padding
        default: left = padding
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(fillChar, count: left))
        if let signChar { out.append(signChar) }
        out.append(contentsOf: prefix)
        out.append(contentsOf: repeatElement(fillChar, count: inner))
        out.append(contentsOf: digits)
        if number.hasDecimalPoint { out.append(".") }
        out.append(contentsOf: number.remainder)
        out.append(contentsOf: repeatElement(fillChar, count: right))
        return String(out)
    }

    /// Pads `text` (counted in code points, like Python's `len`) to the width.
    func pad(_ text: [Unicode.Scalar], defaultAlign: Unicode.Scalar) -> String {
        let (fillChar, alignment) = resolvedFillAndAlign(defaultAlign: defaultAlign)
        let padding = max(0, (width ?? -1) - text.count)
        let left: Int
        switch alignment {
        case ">": left = padding
        case "^": left = padding / 2
        default: left = 0
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: repeatElement(fillChar, count: left))
        out.append(contentsOf: text)
        out.append(contentsOf: repeatElement(fillChar, count: padding - left))
        return String(out)
    }

    /// Inserts a separator every `groupSize` digits from the right and, when
    /// zero-padding, adds leading zeros (grouped too) until the digits fill
    /// `minimumWidth`; a result never starts with a separator.
    static func grouped(
        _ digits: [Unicode.Scalar], minimumWidth: Int, groupSize: Int?, separator: Unicode.Scalar
    ) -> [Unicode.Scalar] {
        var reversedOut: [Unicode.Scalar] = []
        var remaining = digits.count
        var minimum = minimumWidth
        var useSeparator = false
        func emit(_ length: Int) {
            let zeros = max(0, length - remaining)
            let taken = max(0, min(remaining, length))
            if useSeparator { reversedOut.append(separator) }
            for k in 0..<taken { reversedOut.append(digits[remaining - 1 - k]) }
            reversedOut.append(contentsOf: repeatElement("0", count: zeros))
            remaining -= taken
        }
        if let groupSize {
            while true {
                let length = min(groupSize, max(remaining, minimum, 1))
                emit(length)
                useSeparator = true
                minimum -= length
                if remaining <= 0 && minimum <= 0 { return reversedOut.reversed() }
                minimum -= 1
            }
        }
        emit(max(remaining, minimum, 1))
        return reversedOut.reversed()
    }

    static func uppercased(_ c: Unicode.Scalar) -> Unicode.Scalar {
        c >= "a" && c <= "z" ? Unicode.Scalar(c.value - 32) ?? c : c
    }
}
