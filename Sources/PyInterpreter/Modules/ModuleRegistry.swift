/// The modules a cell may import. Each is built by a provider on first import
/// (once per session). Anything not registered fails with
/// `ModuleNotFoundError: No module named '…'`.
///
/// Submodules are registered under their dotted name (`torch.nn`); an alias maps
/// a top-level name onto another (`oneflow` → `torch`, so `oneflow.nn` is `torch.nn`).
public final class ModuleRegistry {
    public typealias Provider = (Interpreter) throws -> PyModule

    private var providers: [String: Provider] = [:]
    private var aliases: [String: String] = [:]

    public init() {}

    /// Registers the provider of module `name` (dotted for submodules).
    public func register(_ name: String, _ provider: @escaping Provider) {
        providers[name] = provider
    }

    /// Makes `name` (and its submodules) import the same modules as `target`.
    public func alias(_ name: String, to target: String) {
        aliases[name] = target
    }

    /// `oneflow.nn` → `torch.nn`.
    func canonicalName(_ name: String) -> String {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, let target = aliases[first] else { return name }
        return parts.count > 1 ? target + "." + parts[1] : target
    }

    func provider(_ canonical: String) -> Provider? { providers[canonical] }

    func canImport(_ name: String) -> Bool { providers[canonicalName(name)] != nil }

    /// Whether `name` has registered submodules.
    func isPackage(_ name: String) -> Bool {
        let prefix = canonicalName(name) + "."
        return providers.keys.contains { $0.hasPrefix(prefix) }
    }

    /// Registered module names (for diagnostics and tests).
    public var moduleNames: [String] { providers.keys.sorted() + aliases.keys.sorted() }
}
