/// The bracketed body of a non-empty tensor's repr: nested rows, line wrapping and
/// summarisation (`_tensor_str_with_formatter`, `_vector_str`, `get_summarized_data`).
struct TensorBodyLayout {
    let shape: [Int]
    let elements: PrintableElements
    let options: PrintOptions
    let summarize: Bool
    let edge: Int

    init(shape: [Int], elements: PrintableElements, options: PrintOptions) {
        self.shape = shape
        self.elements = elements
        self.options = options
        self.summarize = Double(elements.count) > options.threshold
        // PyTorch errors on negative edgeitems for 2-d and up; treat them as 0.
        self.edge = max(0, options.edgeitems)
    }

    func render() -> String {
        if summarize && edge == 0 && !shape.isEmpty {
            // Every dimension collapses to the marker alone.
            return "[...]"
        }
        let shown = summarize ? keptIndices() : Array(0..<elements.count)
        let formatter = ElementFormatter(
            elements: elements, displayed: shown, precision: options.precision,
            sciMode: options.sciMode)
        var writer = Writer(
            texts: formatter.texts, width: formatter.width, linewidth: options.linewidth)
        var output = ""
        writeBlock(dimension: 0, indent: TensorFormatter.prefixIndent, writer: &writer, into: &output)
        return output
    }

    /// Whether a dimension of this size shows only its first and last `edge` items.
    private func isCut(_ size: Int) -> Bool { summarize && size > 2 * edge }

    /// Flat row-major indices of the elements a summarised print shows, in display order.
    private func keptIndices() -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in shape.indices.reversed().dropFirst() {
            strides[axis] = strides[axis + 1] * shape[axis + 1]
        }
        var kept: [Int] = []
        func collect(_ axis: Int, _ base: Int) {
            if axis == shape.count {
                kept.append(base)
                return
            }
            let size = shape[axis]
            let positions = isCut(size)
                ? Array(0..<edge) + Array((size - edge)..<size) : Array(0..<size)
            for position in positions { collect(axis + 1, base + position * strides[axis]) }
        }
        collect(0, 0)
        return kept
    }

    /// Hands out the formatted elements in display order.
    private struct Writer {
        let texts: [String]
        let width: Int
        let linewidth: Int
        var next = 0

        mutating func take() -> String {
            defer { next += 1 }
            return next < texts.count ? texts[next] : ""
        }
    }

    private func writeBlock(dimension: Int, indent: Int, writer: inout Writer, into output: inout String) {
        let rank = shape.count - dimension
        if rank == 0 {
            output += writer.take()
            return
        }
        let size = shape[dimension]
        let cut = isCut(size)
        let itemCount = cut ? 2 * edge + 1 : size
        let newlineIndent = String(repeating: " ", count: indent + 1)
        output += "["
        if rank == 1 {
            let perLine = max(
                1, Int((Double(writer.linewidth - indent) / Double(writer.width + 2)).rounded(.down)))
            for item in 0..<itemCount {
                if item > 0 { output += item % perLine == 0 ? ",\n" + newlineIndent : ", " }
                output += cut && item == edge ? " ..." : writer.take()
            }
        } else {
            let separator = "," + String(repeating: "\n", count: rank - 1) + newlineIndent
            for item in 0..<itemCount {
                if item > 0 { output += separator }
                if cut && item == edge {
                    output += "..."
                } else {
                    writeBlock(dimension: dimension + 1, indent: indent + 1, writer: &writer, into: &output)
                }
            }
        }
        output += "]"
    }
}
