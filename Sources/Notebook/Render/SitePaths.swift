/// Paths inside a rendered site. Every path here is relative to the site's
/// root and uses `/`; links between pages are made relative, so a site works
/// from any folder, from a web server or straight from disk.
enum SitePaths {
    static let assetsFolder = "assets"
    static let stylesheet = "assets/litgrad.css"
    static let script = "assets/litgrad.js"
    static let katexFolder = "assets/katex"
    static let katexStylesheet = "assets/katex/katex.min.css"
    static let katexScript = "assets/katex/katex.min.js"
    static let index = "index.html"

    /// `zh/01-intro.md` → `zh/01-intro.html`.
    static func page(forNotebook relativePath: String) -> String {
        (relativePath.hasSuffix(".md") ? String(relativePath.dropLast(3)) : relativePath) + ".html"
    }

    /// The folder part of `path` (`zh` for `zh/01.html`, empty at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The link from the page at `from` to the file at `to`, both relative
    /// to the site root: `../assets/litgrad.css`, `02-next.html`.
    static func link(from: String, to: String) -> String {
        let fromFolders = folder(of: from).split(separator: "/")
        var toParts = to.split(separator: "/", omittingEmptySubsequences: false)
        var common = 0
        while common < fromFolders.count && common < toParts.count - 1 && fromFolders[common] == toParts[common] {
            common += 1
        }
        toParts.removeFirst(common)
        let ups = Array(repeating: Substring(".."), count: fromFolders.count - common)
        return urlEncoded((ups + toParts).joined(separator: "/"))
    }

    /// Percent-encodes what a path may hold but a URL may not (spaces, `#`,
    /// `?`, `%`, non-ASCII); keeps `/` and the unreserved characters.
    static func urlEncoded(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".utf8)
                out += "%"
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte >> 4)]))
                out.unicodeScalars.append(Unicode.Scalar(hex[Int(byte & 0x0F)]))
            }
        }
        return out
    }
}
