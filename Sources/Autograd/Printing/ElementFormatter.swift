/// PyTorch's `_Formatter`: one common style and width for every displayed element
/// of a tensor, decided from those elements only (the kept ones when summarised).
struct ElementFormatter {
    /// Each displayed element, already left-padded to `width`, in row-major display order.
    private(set) var texts: [String] = []
    /// The common width; elements longer than it (nan, inf) are left unpadded.
    private(set) var width = 1

    init<Indices: Collection>(
        elements: PrintableElements, displayed indices: Indices, precision: Int, sciMode: Bool?
    ) where Indices.Element == Int {
        texts.reserveCapacity(indices.count)
        switch elements {
        case .integer(let values):
            for index in indices { texts.append(String(values[index])) }
            width = texts.reduce(1) { max($0, $1.count) }
        case .boolean(let values):
            for index in indices { texts.append(values[index] ? "True" : "False") }
            width = texts.reduce(1) { max($0, $1.count) }
        case .floating(let values):
            formatFloating(values, indices, precision: precision, forcedSciMode: sciMode)
        }
        for position in texts.indices where texts[position].count < width {
            texts[position] = String(repeating: " ", count: width - texts[position].count)
                + texts[position]
        }
    }

    private enum FloatStyle { case integral, fixed, scientific }

    private mutating func formatFloating<Indices: Collection>(
        _ values: [Double], _ indices: Indices, precision: Int, forcedSciMode: Bool?
    ) where Indices.Element == Int {
        // Only finite non-zero values decide the style and the width.
        var smallest = Double.infinity
        var largest = 0.0
        var allIntegral = true
        var anyCounted = false
        for index in indices {
            let value = values[index]
            guard value.isFinite, value != 0 else { continue }
            anyCounted = true
            smallest = min(smallest, value.magnitude)
            largest = max(largest, value.magnitude)
            if value != value.rounded(.up) { allIntegral = false }
        }
        let style: FloatStyle
        if !anyCounted {
            style = .integral
        } else if forcedSciMode ?? (largest / smallest > 1000 || largest > 1e8 || smallest < 1e-4) {
            style = .scientific
        } else {
            style = allIntegral ? .integral : .fixed
        }
        for index in indices {
            let value = values[index]
            let text: String
            switch style {
            case .scientific: text = PythonFloatFormat.scientific(value, precision: precision)
            case .fixed: text = PythonFloatFormat.fixed(value, precision: precision)
            case .integral:
                // The trailing "." marks a float tensor; nan and inf get none.
                let digits = PythonFloatFormat.fixed(value, precision: 0)
                text = value.isFinite ? digits + "." : digits
            }
            texts.append(text)
            if anyCounted, value.isFinite, value != 0 { width = max(width, text.count) }
        }
    }
}
