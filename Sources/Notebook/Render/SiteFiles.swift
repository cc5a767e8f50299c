import Foundation

/// Writes a site's files under its root folder. A file whose content is
/// already there is left alone, so re-rendering an unchanged lesson touches
/// nothing (and `serve` reloads only what changed).
struct SiteFiles {
    let root: String

    /// Writes `bytes` to `relativePath`; returns whether the file changed.
    @discardableResult
    func write(_ bytes: [UInt8], to relativePath: String) throws -> Bool {
        let path = root + "/" + relativePath
        if let existing = FileManager.default.contents(atPath: path), Self.same(existing, bytes) { return false }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Diagnostic(file: path, message: "cannot write: \(error.localizedDescription)")
        }
        return true
    }

    private static func same(_ data: Data, _ bytes: [UInt8]) -> Bool {
        guard data.count == bytes.count else { return false }
        return data.withUnsafeBytes { existing in
            bytes.withUnsafeBytes { new in
                guard let a = existing.baseAddress, let b = new.baseAddress else { return true }
                return memcmp(a, b, bytes.count) == 0
            }
        }
    }

    /// Copies the file at `source` (following links) to `relativePath`.
    @discardableResult
    func copy(_ source: String, to relativePath: String) throws -> Bool {
        guard let data = FileManager.default.contents(atPath: source) else {
            throw Diagnostic(file: source, message: "cannot read")
        }
        return try write([UInt8](data), to: relativePath)
    }
}
