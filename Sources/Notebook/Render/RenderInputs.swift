import Foundation

/// A notebook to render and where it goes in the site.
struct RenderInput: Equatable {
    /// The path as found (for reading and in messages).
    var sourcePath: String
    /// Its path inside the site: relative to the folder given on the command
    /// line (so `notebooks/zh/01.md` is `zh/01.md`), or the file's name for a file given directly.
    var relativePath: String
}

enum RenderInputs {
    /// The notebooks under `paths`, ordered by folder and then file name (the
    /// order of the index and of previous/next), without anything inside the
    /// output folder (a site rendered inside its sources is not read back).
    static func resolve(_ paths: [String], excludes: [String], outputDirectory: String) -> (inputs: [RenderInput], errors: [Diagnostic]) {
        let patterns = excludes.map(GlobPattern.init)
        let output = absolute(outputDirectory)
        var inputs: [RenderInput] = []
        var errors: [Diagnostic] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                errors.append(Diagnostic(file: path, message: "no such file or folder"))
                continue
            }
            let found = NotebookFinder.find([path], excluding: patterns)
            errors += found.errors
            for notebook in found.notebooks where !isInside(absolute(notebook), folder: output) {
                let relative: String
                if isFolder.boolValue {
                    let prefix = path.hasSuffix("/") ? path : path + "/"
                    relative = notebook.hasPrefix(prefix) ? String(notebook.dropFirst(prefix.count)) : (notebook as NSString).lastPathComponent
                } else {
                    relative = (notebook as NSString).lastPathComponent
                }
                inputs.append(RenderInput(sourcePath: notebook, relativePath: relative))
            }
        }
        var seen: [String: String] = [:]
        var unique: [RenderInput] = []
        for input in inputs {
            if let first = seen[input.relativePath] {
                guard absolute(first) != absolute(input.sourcePath) else { continue }
                errors.append(Diagnostic(file: input.sourcePath,
                    message: "would be written to the same place as \(first) (\(input.relativePath)); render them into different --out folders"))
                continue
            }
            seen[input.relativePath] = input.sourcePath
            unique.append(input)
        }
        if unique.isEmpty && errors.isEmpty {
            errors.append(Diagnostic(file: paths.joined(separator: ", "), message: "no notebooks (*.md files) found"))
        }
        return (sorted(unique), errors)
    }

    /// By folder (the root first), then by file name.
    static func sorted(_ inputs: [RenderInput]) -> [RenderInput] {
        inputs.sorted { a, b in
            let folderA = SitePaths.folder(of: a.relativePath), folderB = SitePaths.folder(of: b.relativePath)
            if folderA != folderB { return folderA.utf8.lexicographicallyPrecedes(folderB.utf8) }
            return a.relativePath.utf8.lexicographicallyPrecedes(b.relativePath.utf8)
        }
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func isInside(_ path: String, folder: String) -> Bool {
        path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
