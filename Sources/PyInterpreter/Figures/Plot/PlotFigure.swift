/// A matplotlib figure: its size, its Axes on subplot grids, a suptitle.
/// A reference type because Python code holds it (`fig, ax = plt.subplots()`).
public final class PlotFigure {
    /// `plt.figure` numbers, from 1.
    public let number: Int
    /// Inches, as `figsize=`; matplotlib's default is 6.4 × 4.8.
    public internal(set) var width: Double
    public internal(set) var height: Double
    /// Pixels per inch of the inline image (100, as `figure.dpi`).
    public internal(set) var dpi: Double
    public var suptitle: String?
    public internal(set) var axes: [PlotAxes] = []
    /// Fractions of the figure, as `plt.subplots_adjust` takes them.
    public var subplotParameters = SubplotParameters()
    /// `plt.tight_layout()`: margins fitted to the text instead of the fixed fractions.
    public var tightLayout = false
    var currentAxes: PlotAxes?

    init(number: Int, width: Double = 6.4, height: Double = 4.8, dpi: Double = 100) {
        self.number = number
        self.width = width
        self.height = height
        self.dpi = dpi
    }

    /// Agg's limit, which matplotlib reports for larger inline images.
    static let maxPixels = 65536.0

    static func validated(width: Double, height: Double, dpi: Double) throws -> (Double, Double, Double) {
        guard width.isFinite, height.isFinite, width > 0, height > 0 else {
            throw PlotError.value("figure size must be positive finite not (\(width), \(height))")
        }
        guard dpi.isFinite, dpi > 0 else { throw PlotError.value("dpi must be positive, not \(dpi)") }
        guard width * dpi < maxPixels, height * dpi < maxPixels else {
            throw PlotError.value("Image size of \(Int(width * dpi))x\(Int(height * dpi)) pixels is too large. It must be less than 2^16 in each direction.")
        }
        return (width, height, dpi)
    }

    /// `fig.set_size_inches(w, h)`.
    public func setSize(width: Double, height: Double) throws {
        (self.width, self.height, _) = try Self.validated(width: width, height: height, dpi: dpi)
    }

    /// `fig.add_subplot(rows, columns, index)` / `plt.subplot`: the Axes in
    /// that cell (`index` from 1, row by row), created if new, made current.
    @discardableResult
    public func subplot(rows: Int, columns: Int, index: Int) throws -> PlotAxes {
        guard rows >= 1, columns >= 1 else {
            throw PlotError.value("Number of rows must be a positive integer, not \(rows)")
        }
        guard index >= 1, index <= rows * columns else {
            throw PlotError.value("num must be an integer with 1 <= num <= \(rows * columns), not \(index)")
        }
        let slot = GridSlot(rows: rows, columns: columns, row: (index - 1) / columns, column: (index - 1) % columns)
        if let existing = axes.first(where: { $0.slot == slot }) {
            currentAxes = existing
            return existing
        }
        let created = PlotAxes(slot: slot)
        axes.append(created)
        currentAxes = created
        return created
    }

    /// `fig.gca()`: the current Axes, a single subplot if there is none.
    public func gca() -> PlotAxes {
        if let currentAxes { return currentAxes }
        let created = PlotAxes(slot: GridSlot(rows: 1, columns: 1, row: 0, column: 0))
        axes.append(created)
        currentAxes = created
        return created
    }

    /// `plt.sca(ax)`: only Axes of this figure.
    func makeCurrent(_ ax: PlotAxes) -> Bool {
        guard axes.contains(where: { $0 === ax }) else { return false }
        currentAxes = ax
        return true
    }
}

/// `figure.subplot.*`: where the grid of subplots sits, as fractions of the
/// figure, and the gaps between cells as fractions of the mean cell size.
public struct SubplotParameters: Equatable, Sendable {
    public var left = 0.125
    public var right = 0.9
    public var bottom = 0.11
    public var top = 0.88
    public var wspace = 0.2
    public var hspace = 0.2
    public init() {}

    /// `subplots_adjust(...)`: given values replace the current ones.
    public mutating func adjust(left: Double? = nil, right: Double? = nil, bottom: Double? = nil, top: Double? = nil,
                                wspace: Double? = nil, hspace: Double? = nil) throws {
        var next = self
        if let left { next.left = left }
        if let right { next.right = right }
        if let bottom { next.bottom = bottom }
        if let top { next.top = top }
        if let wspace { next.wspace = wspace }
        if let hspace { next.hspace = hspace }
        guard next.left < next.right else { throw PlotError.value("left cannot be >= right") }
        guard next.bottom < next.top else { throw PlotError.value("bottom cannot be >= top") }
        self = next
    }
}
