import PyInterpreter

/// The YAML block at the top of a notebook, between `---` lines.
public struct FrontMatter: Equatable, Sendable {
    public var title: String?
    public var summary: String?
    /// Default tolerance for this notebook's cells (`tolerance: {rtol: …, atol: …}`).
    public var tolerance = Tolerance()
    /// Default per-cell wall-clock limit in seconds (`timeout: 60`).
    public var timeout: Double?
    /// `limits:` overrides, applied on top of the session's defaults.
    public var limits = LimitOverrides()
    /// Lines the block occupies, both `---` lines included (0 when absent).
    public var lineCount = 0
    /// Bytes of the block, both delimiter lines and the last line ending included.
    public var byteRange: Range<Int>?

    public init() {}
}

/// `limits:` keys of the front matter; nil means "keep the default".
public struct LimitOverrides: Equatable, Sendable {
    public var maxTensorElements: Int?
    public var maxTensorBytes: Int?
    public var maxRecursionDepth: Int?
    public var maxContainerSize: Int?

    public init() {}

    public func applied(to limits: Limits) -> Limits {
        var limits = limits
        if let maxTensorElements { limits.maxTensorElements = maxTensorElements }
        if let maxTensorBytes { limits.maxTensorBytes = maxTensorBytes }
        if let maxRecursionDepth { limits.maxRecursionDepth = maxRecursionDepth }
        if let maxContainerSize { limits.maxContainerSize = maxContainerSize }
        return limits
    }
}
