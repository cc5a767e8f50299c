import Foundation

/// KaTeX's files, taken from a local installation (Debian's `libjs-katex`)
/// so a site works offline and never loads anything from a CDN.
enum KaTeXFiles {
    /// Where Debian and other distributions install KaTeX.
    static let searchedFolders = ["/usr/share/javascript/katex", "/usr/share/katex", "/usr/local/share/katex"]

    /// The folder holding `katex.min.js`, `katex.min.css` and `fonts/`.
    static func locate(_ configured: String?) throws -> String {
        let candidates = configured.map { [$0] } ?? searchedFolders
        for folder in candidates where isKaTeXFolder(folder) { return folder }
        if let configured {
            throw Diagnostic(file: configured, message: "no KaTeX here: expected katex.min.js, katex.min.css and fonts/")
        }
        throw Diagnostic(file: searchedFolders[0],
                         message: "KaTeX is not installed (looked in \(searchedFolders.joined(separator: ", "))); install it with 'apt-get install libjs-katex' (scripts/install-deps.sh does)")
    }

    static func isKaTeXFolder(_ folder: String) -> Bool {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        return manager.fileExists(atPath: folder + "/katex.min.js") && manager.fileExists(atPath: folder + "/katex.min.css")
            && manager.fileExists(atPath: folder + "/fonts", isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The files to copy, as (path in the KaTeX folder, path in the site); links are followed.
    static func files(in folder: String) throws -> [(source: String, destination: String)] {
        var files = [("katex.min.js", "katex.min.js"), ("katex.min.css", "katex.min.css")]
            .map { (folder + "/" + $0.0, SitePaths.katexFolder + "/" + $0.1) }
        let fontFolder = URL(fileURLWithPath: folder + "/fonts").resolvingSymlinksInPath().path
        let fonts = try FileManager.default.contentsOfDirectory(atPath: fontFolder).sorted()
        for font in fonts where font.hasSuffix(".woff2") || font.hasSuffix(".woff") || font.hasSuffix(".ttf") {
            files.append((fontFolder + "/" + font, SitePaths.katexFolder + "/fonts/" + font))
        }
        return files
    }
}
