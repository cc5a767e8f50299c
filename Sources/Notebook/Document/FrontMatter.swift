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
    public var maxMemoryBytes: Int?
    public var maxRecursionDepth: Int?
    public var maxContainerSize: Int?

    public init() {}

    /// The names front matter and `--limit` use.
    public static var names: [String] { FrontMatterParser.limitKeys }

    /// Sets the limit called `name` (one of `names`); false for an unknown name.
    @discardableResult
    public mutating func set(_ name: String, _ value: Int) -> Bool {
        switch name {
        case "max_tensor_elements": maxTensorElements = value
        case "max_tensor_bytes": maxTensorBytes = value
        case "max_memory_bytes": maxMemoryBytes = value
        case "max_recursion_depth": maxRecursionDepth = value
        case "max_container_size": maxContainerSize = value
        default: return false
        }
        return true
    }

    /// `other`'s settings where it has them, else these.
    public func overridden(by other: LimitOverrides) -> LimitOverrides {
        var merged = self
        if let v = other.maxTensorElements { merged.maxTensorElements = v }
        if let v = other.maxTensorBytes { merged.maxTensorBytes = v }
        if let v = other.maxMemoryBytes { merged.maxMemoryBytes = v }
        if let v = other.maxRecursionDepth { merged.maxRecursionDepth = v }
        if let v = other.maxContainerSize { merged.maxContainerSize = v }
        return merged
    }

    public func applied(to limits: Limits) -> Limits {
        var limits = limits
        if let maxTensorElements { limits.maxTensorElements = maxTensorElements }
        if let maxTensorBytes { limits.maxTensorBytes = maxTensorBytes }
        if let maxMemoryBytes { limits.maxMemoryBytes = maxMemoryBytes }
        if let maxRecursionDepth { limits.maxRecursionDepth = maxRecursionDepth }
        if let maxContainerSize { limits.maxContainerSize = maxContainerSize }
        return limits
    }
}
