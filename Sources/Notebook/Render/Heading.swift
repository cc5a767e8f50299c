/// A heading of a rendered page, for its table of contents.
public struct Heading: Equatable, Sendable {
    /// 1 for `#`, 2 for `##`, …
    public var level: Int
    /// The `id` the heading carries on the page.
    public var id: String
    /// The heading's content as HTML (math kept, links removed), for a link to it.
    public var html: String
    /// The heading's text without markup (TeX as written), for titles and ids.
    public var text: String
}

/// Gives headings ids that are stable, readable and unique on their page:
/// lower-cased letters and digits (any script, so Chinese headings keep
/// their words), words joined by `-`, and `-1`, `-2` … on repeats.
struct HeadingSlugger {
    private var used: Set<String>
    /// The next suffix to try for each slug, so a heading repeated many
    /// times costs no quadratic search.
    private var nextSuffix: [String: Int] = [:]

    /// `reserved`: ids the page template uses itself.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    mutating func slug(for text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        let lowered = text.utf8.allSatisfy { $0 < 0x80 } ? Self.asciiLowercased(text) : text.lowercased()
        for character in lowered {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingHyphen = true
            }
        }
        if slug.isEmpty { slug = "section" }
        var candidate = slug
        var counter = nextSuffix[slug] ?? 1
        while used.contains(candidate) {
            candidate = "\(slug)-\(counter)"
            counter += 1
        }
        nextSuffix[slug] = counter
        used.insert(candidate)
        return candidate
    }

    private static func asciiLowercased(_ text: String) -> String {
        String(decoding: text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}
