/// The options of `torch.set_printoptions`, with PyTorch's defaults.
public struct PrintOptions: Equatable, Sendable {
    /// Digits after the point (fixed) or in the mantissa (scientific).
    public var precision: Int = 4
    /// Summarise when the element count is strictly greater; `.infinity` never summarises.
    public var threshold: Double = 1000
    /// Items kept at each end of a summarised dimension. 0 prints `[...]` plus a `size=` suffix.
    public var edgeitems: Int = 3
    /// Decides elements per line and when suffixes wrap.
    public var linewidth: Int = 80
    /// nil lets the formatter choose; true/false forces scientific notation on or off.
    public var sciMode: Bool? = nil

    public init(
        precision: Int = 4, threshold: Double = 1000, edgeitems: Int = 3,
        linewidth: Int = 80, sciMode: Bool? = nil
    ) {
        self.precision = precision
        self.threshold = threshold
        self.edgeitems = edgeitems
        self.linewidth = linewidth
        self.sciMode = sciMode
    }

    /// The `profile=` presets of `set_printoptions`.
    public enum Profile: String, Sendable {
        case `default`, short, full
    }

    /// The options `print(tensor)` uses, like PyTorch's `PRINT_OPTS`; they live in the
    /// current `EngineContext`, so each notebook session has its own.
    public static var current: PrintOptions {
        get { EngineContext.current.printOptions }
        set { EngineContext.current.printOptions = newValue }
    }

    /// Applies one `torch.set_printoptions(...)` call with PyTorch's quirks: a profile
    /// resets precision, threshold, edgeitems and linewidth before the explicit
    /// arguments apply, and `sci_mode` is always assigned, so omitting it resets
    /// an earlier `sci_mode=False` to automatic.
    public mutating func apply(
        precision: Int? = nil, threshold: Double? = nil, edgeitems: Int? = nil,
        linewidth: Int? = nil, profile: Profile? = nil, sciMode: Bool? = nil
    ) {
        if let profile {
            let preset: PrintOptions
            switch profile {
            case .default: preset = PrintOptions()
            case .short: preset = PrintOptions(precision: 2, edgeitems: 2)
            case .full: preset = PrintOptions(threshold: .infinity)
            }
            self.precision = preset.precision
            self.threshold = preset.threshold
            self.edgeitems = preset.edgeitems
            self.linewidth = preset.linewidth
        }
        if let precision { self.precision = precision }
        if let threshold { self.threshold = threshold }
        if let edgeitems { self.edgeitems = edgeitems }
        if let linewidth { self.linewidth = linewidth }
        self.sciMode = sciMode
    }

    /// `torch.set_printoptions(...)` on the current context's options.
    public static func set(
        precision: Int? = nil, threshold: Double? = nil, edgeitems: Int? = nil,
        linewidth: Int? = nil, profile: Profile? = nil, sciMode: Bool? = nil
    ) {
        current.apply(
            precision: precision, threshold: threshold, edgeitems: edgeitems,
            linewidth: linewidth, profile: profile, sciMode: sciMode)
    }
}
