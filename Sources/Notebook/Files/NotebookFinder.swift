import Foundation

/// Turns the paths on the command line into the list of notebooks: files as
/// given, folders walked for `*.md` in sorted order, skipping hidden entries
/// (which covers `.build*` and `.git`) and whatever `--exclude` names.
public enum NotebookFinder {
    public struct Result: Equatable, Sendable {
        public var notebooks: [String]
        /// Paths that do not exist, or folders that cannot be listed.
        public var errors: [Diagnostic]
    }

    public static func find(_ paths: [String], excluding patterns: [GlobPattern] = []) -> Result {
        var notebooks: [String] = []
        var errors: [Diagnostic] = []
        var seen = Set<String>()
        func add(_ path: String) {
            let key = URL(fileURLWithPath: path).standardizedFileURL.path
            if seen.insert(key).inserted { notebooks.append(path) }
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                errors.append(Diagnostic(file: path, message: "no such file or folder"))
                continue
            }
            if !isFolder.boolValue {
                let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
                if !patterns.contains(where: { $0.matches(relativePath: relative, isFolder: false) }) { add(path) }
                continue
            }
            walk(folder: path, relative: "", patterns: patterns, into: add, errors: &errors)
        }
        return Result(notebooks: notebooks, errors: errors)
    }

    private static func walk(folder: String, relative: String, patterns: [GlobPattern],
                             into add: (String) -> Void, errors: inout [Diagnostic]) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            errors.append(Diagnostic(file: folder, message: "cannot list the folder"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            // Folder links are not followed: they could loop or leave the tree.
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let type = attributes?[.type] as? FileAttributeType
            if type == .typeDirectory {
                if patterns.contains(where: { $0.matches(relativePath: relativePath, isFolder: true) }) { continue }
                walk(folder: path, relative: relativePath, patterns: patterns, into: add, errors: &errors)
            } else if name.hasSuffix(".md") && (type == .typeRegular || (type == .typeSymbolicLink && isFile(path))) {
                if patterns.contains(where: { $0.matches(relativePath: relativePath, isFolder: false) }) { continue }
                add(path)
            }
        }
    }

    private static func isFile(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
    }
}
