/// The `**kwargs` of a pyplot call, taken one property at a time (with
/// matplotlib's aliases: `color`/`c`, `linewidth`/`lw` …). Whatever is left
/// at the end was not understood and raises as matplotlib's `Artist.set()`
/// does. A None value counts as not given (matplotlib's default).
struct PlotKeywords {
    private var remaining: [(name: String, value: Value)]
    /// The artist class named in errors (`Line2D`, `Rectangle`, `Text`).
    let artist: String

    init(_ keywords: [(name: Symbol, value: Value)], artist: String) {
        remaining = keywords.map { ($0.name.name, $0.value) }
        self.artist = artist
    }

    /// The value of the first of `names` given (its aliases after it),
    /// removing them all. Two aliases at once raise TypeError, as matplotlib does.
    mutating func take(_ names: String...) throws -> Value? {
        var found: (name: String, value: Value)? = nil
        for name in names {
            guard let i = remaining.firstIndex(where: { $0.name == name }) else { continue }
            let entry = remaining.remove(at: i)
            if let found {
                throw PyError(.typeError, "Got both '\(found.name)' and '\(entry.name)', which are aliases of one another")
            }
            found = entry
        }
        guard let value = found?.value, !value.isNone else { return nil }
        return value
    }

    /// Removes text-appearance keywords (font size, weight, rotation,
    /// padding, placement) that the figures do not draw: the text is shown,
    /// in the default style.
    mutating func dropTextStyle() {
        remaining.removeAll { Self.textStyleKeywords.contains($0.name) }
    }

    static let textStyleKeywords: Set<String> = [
        "fontsize", "size", "fontweight", "weight", "fontfamily", "family", "fontstyle", "style", "fontdict",
        "color", "rotation", "ha", "horizontalalignment", "va", "verticalalignment", "pad", "labelpad", "loc",
        "x", "y", "wrap",
    ]

    /// The first keyword nobody took, if any.
    var leftover: String? { remaining.first?.name }

    /// Raises for the first keyword nobody took.
    func finish() throws {
        guard let leftover else { return }
        throw PyError(.attributeError, "\(artist).set() got an unexpected keyword argument '\(leftover)'")
    }
}
