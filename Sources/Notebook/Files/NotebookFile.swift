import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// Reading a notebook, and replacing it atomically: the new bytes go to a
/// temporary file in the same folder, which then takes the file's place with
/// one rename, so a crash leaves either the old or the new notebook, never half.
public enum NotebookFile {
    public static func read(_ path: String) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Diagnostic(file: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw Diagnostic(file: path, message: "is a folder, not a notebook") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(file: path, message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        return [UInt8](data)
    }

    /// Replaces the file at `path` with `bytes`. A symbolic link is followed
    /// and its target replaced (the link stays a link); the file's permission
    /// bits are kept. A read-only file is an error, not something to override.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let target = resolvedPath(path)
        var status = stat()
        guard stat(target, &status) == 0 else {
            throw Diagnostic(file: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        // No write bit at all means "read-only" even to root, whom access() lets through.
        guard access(target, W_OK) == 0, status.st_mode & 0o222 != 0 else {
            throw Diagnostic(file: path, message: "file is read-only; outputs were not written")
        }
        let folder = (target as NSString).deletingLastPathComponent
        let name = (target as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).litgrad-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw Diagnostic(file: path, message: "cannot create a temporary file next to it: \(String(cString: strerror(errno)))")
        }
        let temporary = String(cString: template)
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary) }
        }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let count = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += count
            }
            return true
        }
        let problem = written ? nil : String(cString: strerror(errno))
        fchmod(descriptor, status.st_mode & 0o7777)
        let synced = fsync(descriptor) == 0
        close(descriptor)
        if let problem {
            throw Diagnostic(file: path, message: "cannot write: \(problem)")
        }
        guard synced else {
            throw Diagnostic(file: path, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        guard rename(temporary, target) == 0 else {
            throw Diagnostic(file: path, message: "cannot replace the file: \(String(cString: strerror(errno)))")
        }
        succeeded = true
    }

    /// The file a path finally names, following symbolic links (relative
    /// links resolve against the link's own folder).
    static func resolvedPath(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { return current }
            if destination.hasPrefix("/") {
                current = destination
            } else {
                current = ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
            }
        }
        return current
    }
}
