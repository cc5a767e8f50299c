import Autograd

/// NumPy 2.x `str`/`repr` of arrays (linewidth 75, floatmode 'maxprec',
/// threshold 1000, edgeitems 3; precision and suppress from
/// `NumpyPrintOptions`), after numpy/_core/arrayprint.py.
enum NumpyFormatter {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    static func str(_ t: Tensor, _ options: NumpyPrintOptions = .init()) -> String {
        if t.dim == 0 { return scalarStr(t) }
        if t.count == 0 { return "[]" }
        return arrayText(t, separator: " ", prefix: "", width: lineWidth, options)
    }

    static func repr(_ t: Tensor, _ options: NumpyPrintOptions = .init()) -> String {
        let prefix = "array("
        let body = t.count == 0 ? "[]" : arrayText(t, separator: ", ", prefix: prefix, width: lineWidth - 1, options)
        var extras: [String] = []
        if (t.count == 0 && t.shape != [0]) || t.count > threshold {
            extras.append("shape=" + (t.shape.count == 1 ? "(\(t.shape[0]),)" : "(" + t.shape.map(String.init).joined(separator: ", ") + ")"))
        }
        let impliedDType = t.dtype == .float64 || t.dtype == .int64 || t.dtype == .bool
        if !impliedDType || t.count == 0 { extras.append("dtype=\(NumpyDType.name(t.dtype))") }
        if extras.isEmpty { return prefix + body + ")" }
        let head = prefix + body + ","
        let tail = extras.joined(separator: ", ") + ")"
        let lastLine = head.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? head.count
        let spacer = lastLine + tail.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return head + spacer + tail
    }

    /// `str()` of a 0-d array: the scalar's text.
    static func scalarStr(_ t: Tensor) -> String {
        switch t.dtype {
        case .float32: return float32Str(Float((try? t.scalarDouble()) ?? .nan))
        case .float64: return PyFloatFormat.repr((try? t.scalarDouble()) ?? .nan)
        case .int64, .int32: return String((try? t.scalarInt64()) ?? 0)
        case .bool: return ((try? t.scalarDouble()) ?? 0) != 0 ? "True" : "False"
        }
    }

    /// `str(np.float32(x))`: shortest float32 digits, positional for 1e-4 <= |x| < 1e6.
    static func float32Str(_ f: Float) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        let magnitude = Double(f.magnitude)
        let d = shortest(f)
        let sign = f.sign == .minus ? "-" : ""
        if f == 0 || (magnitude >= 1e-4 && magnitude < 1e6) {
            let (whole, fraction) = positionalParts(d)
            return sign + whole + "." + (fraction.isEmpty ? "0" : fraction)
        }
        let digits = String(decoding: d.digits, as: UTF8.self)
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + String(digits.dropFirst())
        return sign + mantissa + "e" + exponentText(d.point - 1, digits: 2)
    }

    // MARK: layout (_formatArray)

    private static func arrayText(_ t: Tensor, separator: String, prefix: String, width: Int, _ options: NumpyPrintOptions) -> String {
        let summarize = t.count > threshold
        let format = elementFormat(t, shown: shownOffsets(t.shape, summarize: summarize), options)
        let nextLinePrefix = " " + String(repeating: " ", count: prefix.count)
        var index: [Int] = []
        index.reserveCapacity(t.dim)
        let strides = Shape.contiguousStrides(t.shape)

        func recurse(_ axis: Int, _ offset: Int, _ hanging: String, _ currentWidth: Int) -> String {
            if axis == t.dim { return format(offset) }
            let nextHanging = hanging + " "
            let nextWidth = currentWidth - 1
            let length = t.shape[axis]
            let showSummary = summarize && 2 * edgeItems < length
            let leading = showSummary ? edgeItems : 0
            let trailing = showSummary ? edgeItems : length
            let child = { (i: Int) in recurse(axis + 1, offset + i * strides[axis], nextHanging, nextWidth) }
            var s = ""
            if axis == t.dim - 1 {
                let elementWidth = currentWidth - max(separator.trimmingTrailingSpaces.count, 1)
                var line = hanging
                func extend(_ word: String) {
                    if line.count + word.count > elementWidth && line.count > hanging.count {
                        s += line.trimmingTrailingSpaces + "\n"
                        line = hanging
                    }
                    line += word
                }
                for i in 0..<leading { extend(child(i)); line += separator }
                if showSummary { extend("..."); line += separator }
                for i in stride(from: trailing, to: 1, by: -1) { extend(child(length - i)); line += separator }
                extend(child(length - 1))
                s += line
            } else {
                let lineSeparator = separator.trimmingTrailingSpaces + String(repeating: "\n", count: t.dim - axis - 1)
                for i in 0..<leading { s += hanging + child(i) + lineSeparator }
                if showSummary { s += hanging + "..." + lineSeparator }
                for i in stride(from: trailing, to: 1, by: -1) { s += hanging + child(length - i) + lineSeparator }
                s += hanging + child(length - 1)
            }
            return "[" + String(s.dropFirst(hanging.count)) + "]"
        }
        return recurse(0, 0, nextLinePrefix, width)
    }

    /// Row-major offsets of the elements printed (all, or the edge items of each axis when summarizing).
    private static func shownOffsets(_ shape: [Int], summarize: Bool) -> [Int] {
        var result: [Int] = []
        let strides = Shape.contiguousStrides(shape)
        func visit(_ axis: Int, _ offset: Int) {
            if axis == shape.count { result.append(offset); return }
            let n = shape[axis]
            let indices: [Int] = summarize && n > 2 * edgeItems ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
            for i in indices { visit(axis + 1, offset + i * strides[axis]) }
        }
        visit(0, 0)
        return result
    }

    // MARK: element formats

    /// The function that formats the element at a row-major offset, with widths fitted to the shown elements.
    private static func elementFormat(_ t: Tensor, shown: [Int], _ options: NumpyPrintOptions) -> (Int) -> String {
        switch t.dtype {
        case .bool:
            let values = t.bools()
            let trueText = t.dim == 0 ? "True" : " True"
            return { values[$0] ? trueText : "False" }
        case .int64, .int32:
            let values = t.int64s()
            let width = shown.map { String(values[$0]).count }.max() ?? 0
            return { leftPad(String(values[$0]), width) }
        case .float32, .float64:
            let values = t.doubles()
            let format = FloatFormat(shown.map { values[$0] }, float32: t.dtype == .float32, options: options)
            return { format.text(values[$0]) }
        }
    }

    /// arrayprint's FloatingFormat in 'maxprec' mode: each value's shortest
    /// digits, cut to `precision` (8) decimals, padded to common widths;
    /// scientific when the magnitudes are huge or, unless `suppress`, tiny or
    /// spread over more than 1000×.
    struct FloatFormat {
        let float32: Bool
        let maxPrecision: Int
        var scientific = false
        var padLeft = 0
        var padRight = 0
        var precision = 8
        var exponentDigits = 2

        init(_ values: [Double], float32: Bool, options: NumpyPrintOptions = .init()) {
            self.float32 = float32
            maxPrecision = options.precision
            precision = options.precision
            let finite = values.filter(\.isFinite)
            let nonZero = finite.filter { $0 != 0 }.map(\.magnitude)
            if let maxValue = nonZero.max(), let minValue = nonZero.min() {
                // NumPy compares in the array's dtype (NEP 50 weak Python floats).
                if float32 {
                    let (hi, lo) = (Float(maxValue), Float(minValue))
                    scientific = hi >= 1e8 || (!options.suppress && (lo < Float(0.0001) || hi / lo > 1000))
                } else {
                    scientific = maxValue >= 1e8 || (!options.suppress && (minValue < 0.0001 || maxValue / minValue > 1000))
                }
            }
            if scientific {
                let parts = finite.map { scientificParts($0, precision: maxPrecision, exponentDigits: 2) }
                let exponentSize = (parts.map(\.exponent.count).max() ?? 2) - 1
                precision = parts.map(\.fraction.count).max() ?? 0
                padLeft = parts.map(\.whole.count).max() ?? 0
                padRight = exponentSize + 2 + precision
                exponentDigits = exponentSize
            } else if !finite.isEmpty {
                let parts = finite.map(positional)
                padLeft = parts.map(\.whole.count).max() ?? 0
                padRight = parts.map(\.fraction.count).max() ?? 0
            }
            if finite.count != values.count {
                let negativeInfinity = values.contains { $0 == -.infinity } ? 1 : 0
                padLeft = max(padLeft, 3 - (padRight + 1), 3 + negativeInfinity - (padRight + 1))
            }
        }

        func text(_ x: Double) -> String {
            if !x.isFinite {
                let word = x.isNaN ? "nan" : x < 0 ? "-inf" : "inf"
                return leftPad(word, padLeft + padRight + 1)
            }
            if scientific {
                let p = scientificParts(x, precision: precision, exponentDigits: exponentDigits)
                return leftPad(p.whole, padLeft) + "." + p.fraction + String(repeating: "0", count: precision - p.fraction.count) + "e" + p.exponent
            }
            let p = positional(x)
            return leftPad(p.whole, padLeft) + "." + p.fraction + String(repeating: " ", count: padRight - p.fraction.count)
        }

        /// Sign and integer digits, and up to 8 fraction digits (no trailing zeros).
        private func positional(_ x: Double) -> (whole: String, fraction: String) {
            var d = digits(x)
            if d.digits.count - d.point > maxPrecision { d = PyDecimalDigits.fractional(x, count: maxPrecision) }
            let (whole, fraction) = positionalParts(d)
            return ((x.sign == .minus ? "-" : "") + whole, fraction)
        }

        private func scientificParts(_ x: Double, precision: Int, exponentDigits: Int) -> (whole: String, fraction: String, exponent: String) {
            var d = digits(x)
            if d.digits.count - 1 > precision { d = PyDecimalDigits.significant(x, count: precision + 1) }
            let text = String(decoding: d.digits, as: UTF8.self)
            let exponent = d.isZero ? 0 : d.point - 1
            return ((x.sign == .minus ? "-" : "") + String(text.prefix(1)), String(text.dropFirst()), exponentText(exponent, digits: exponentDigits))
        }

        private func digits(_ x: Double) -> PyDecimalDigits {
            float32 ? shortest(Float(x)) : PyDecimalDigits.shortest(x)
        }
    }

    // MARK: digit helpers

    /// The shortest round-trip digits of a float32. Its description has at
    /// most 9 significant digits, so the double read from it prints the same digits.
    static func shortest(_ f: Float) -> PyDecimalDigits {
        PyDecimalDigits.shortest(Double(f.magnitude.description) ?? Double(f.magnitude))
    }

    /// Integer and fraction digits of a magnitude (`"0"` and `""` for zero).
    static func positionalParts(_ d: PyDecimalDigits) -> (String, String) {
        let text = String(decoding: d.digits, as: UTF8.self)
        if d.isZero { return ("0", "") }
        if d.point <= 0 { return ("0", String(repeating: "0", count: -d.point) + text) }
        if d.point >= text.count { return (text + String(repeating: "0", count: d.point - text.count), "") }
        return (String(text.prefix(d.point)), String(text.dropFirst(d.point)))
    }

    static func exponentText(_ e: Int, digits: Int) -> String {
        (e < 0 ? "-" : "+") + leftPad(String(abs(e)), digits, with: "0")
    }

    static func leftPad(_ s: String, _ width: Int, with pad: Character = " ") -> String {
        s.count >= width ? s : String(repeating: pad, count: width - s.count) + s
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
