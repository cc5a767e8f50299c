import Foundation

/// `litgrad new`: a lesson that passes `litgrad check` as soon as it exists,
/// so an author starts from a working example rather than a blank page.
public enum LessonTemplate {
    /// The first cell and the exact text PyTorch prints for it.
    static let firstCell = """
        import torch
        x = torch.tensor(2.0, requires_grad=True)
        y = x ** 2
        y.backward()
        print(x.grad)
        """
    static let firstCellOutput = "tensor(4.)\n"

    /// The template's text for a lesson titled `title`.
    public static func text(title: String) -> String {
        """
        ---
        title: \(yamlQuoted(title))
        summary: "One sentence on what this lesson teaches."
        ---

        # \(title)

        Explain the idea here; math works inline, $\\frac{dy}{dx} = 2x$, and on
        its own line. Each `python` cell below runs when you call `litgrad run`,
        which records what it prints in the `output` block after it;
        `litgrad check` verifies that those blocks are still right.

        ```python
        \(firstCell)
        ```

        ```output
        \(firstCellOutput)```

        """
    }

    /// Writes a new lesson at `path`; refuses to overwrite a file.
    public static func create(at path: String, title: String) throws {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw Diagnostic(file: path, message: "the title is empty; give one with --title \"…\"")
        }
        guard !trimmed.contains(where: \.isNewline) else {
            throw Diagnostic(file: path, message: "the title must be one line")
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic(file: path, message: "already exists; litgrad new never overwrites a file")
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            throw Diagnostic(file: path, message: "folder '\(folder)' does not exist")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text(title: trimmed).utf8)) else {
            throw Diagnostic(file: path, message: "cannot create the file")
        }
    }

    /// A YAML double-quoted scalar, so titles with `:` or `#` stay text.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
