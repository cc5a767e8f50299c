/// A gitignore-style pattern for `--exclude`:
/// - without a `/` (other than a trailing one) it matches a file or folder
///   name at any depth: `drafts`, `*.wip.md`;
/// - with a `/` it matches the path from the walked folder: `lessons/old/*`,
///   `/tmp.md`;
/// - `**` matches any number of folders, `*` and `?` anything but `/`,
///   `[a-z]` / `[!a-z]` a character class, `\x` a literal `x`;
/// - a trailing `/` matches folders only.
/// An excluded folder excludes everything inside it.
public struct GlobPattern: Equatable, Sendable {
    public let text: String
    private let segments: [[Character]]
    private let anchored: Bool
    private let foldersOnly: Bool

    public init(_ text: String) {
        self.text = text
        var body = Substring(text)
        foldersOnly = body.hasSuffix("/")
        while body.hasSuffix("/") { body = body.dropLast() }
        anchored = body.contains("/")
        while body.hasPrefix("/") { body = body.dropFirst() }
        segments = body.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
    }

    /// Whether `relativePath` (components joined by `/`, relative to the
    /// walked folder) is excluded.
    public func matches(relativePath: String, isFolder: Bool) -> Bool {
        if foldersOnly && !isFolder { return false }
        let components = relativePath.split(separator: "/").map(Array.init)
        guard !components.isEmpty else { return false }
        if !anchored {
            guard let name = components.last, let segment = segments.first, segments.count == 1 else { return false }
            return Self.matchSegment(segment[...], name[...])
        }
        return Self.matchPath(segments[...], components[...])
    }

    private static func matchPath(_ pattern: ArraySlice<[Character]>, _ path: ArraySlice<[Character]>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == ["*", "*"] {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if matchPath(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let component = path.first, matchSegment(first[...], component[...]) else { return false }
        return matchPath(pattern.dropFirst(), path.dropFirst())
    }

    /// `*`, `?`, `[...]` and `\` within one path component.
    static func matchSegment(_ pattern: ArraySlice<Character>, _ name: ArraySlice<Character>) -> Bool {
        var p = pattern.startIndex, n = name.startIndex
        var starP: Int? = nil, starN = 0
        while n < name.endIndex {
            if p < pattern.endIndex {
                switch pattern[p] {
                case "*":
                    starP = p
                    starN = n
                    p += 1
                    continue
                case "?":
                    p += 1; n += 1
                    continue
                case "[":
                    if let (matched, next) = matchClass(pattern, p, name[n]) {
                        if matched { p = next; n += 1; continue }
                    } else if name[n] == "[" {
                        p += 1; n += 1
                        continue
                    }
                case "\\" where p + 1 < pattern.endIndex:
                    if pattern[p + 1] == name[n] { p += 2; n += 1; continue }
                default:
                    if pattern[p] == name[n] { p += 1; n += 1; continue }
                }
            }
            guard let star = starP else { return false }
            p = star + 1
            starN += 1
            n = starN
        }
        while p < pattern.endIndex && pattern[p] == "*" { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches `[...]` at `start`; nil when the bracket is not closed (then it is literal).
    private static func matchClass(_ pattern: ArraySlice<Character>, _ start: Int, _ c: Character) -> (Bool, Int)? {
        var i = start + 1
        var negated = false
        if i < pattern.endIndex && (pattern[i] == "!" || pattern[i] == "^") { negated = true; i += 1 }
        var matched = false
        var first = true
        while i < pattern.endIndex && (pattern[i] != "]" || first) {
            first = false
            if i + 2 < pattern.endIndex && pattern[i + 1] == "-" && pattern[i + 2] != "]" {
                if pattern[i] <= c && c <= pattern[i + 2] { matched = true }
                i += 3
            } else {
                if pattern[i] == c { matched = true }
                i += 1
            }
        }
        guard i < pattern.endIndex else { return nil }
        return (matched != negated, i + 1)
    }
}
