import Yams

/// The language of a lesson, for `<html lang>` (fonts, hyphenation, screen
/// readers): the front matter's `lang:`, else a language folder on the
/// lesson's path (`zh/`, `ja/`, `pt-br/` …), else English.
enum LessonLanguage {
    static let fallback = "en"

    /// ISO 639-1 codes a lessons folder is likely to be named after.
    private static let folderLanguages: Set<Substring> = [
        "ar", "bn", "cs", "da", "de", "el", "en", "es", "fa", "fi", "fr", "he", "hi", "hu", "id", "it", "ja",
        "ko", "nl", "no", "pl", "pt", "ro", "ru", "sv", "th", "tr", "uk", "vi", "zh",
    ]

    static func language(of document: NotebookDocument, relativePath: String) throws -> String {
        if let declared = try declaredLanguage(document) { return declared }
        return fromPath(relativePath) ?? fallback
    }

    /// The first folder of `relativePath` (innermost first) named like a language: `zh`, `zh-CN`, `pt-br`.
    static func fromPath(_ relativePath: String) -> String? {
        let folders = relativePath.split(separator: "/").dropLast()
        for folder in folders.reversed() {
            let parts = folder.lowercased().split(separator: "-", omittingEmptySubsequences: false)
            guard let base = parts.first, folderLanguages.contains(base), parts.count <= 2 else { continue }
            if parts.count == 1 { return String(base) }
            let region = parts[1]
            guard (2...4).contains(region.count), region.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { continue }
            // BCP 47 style: regions in capitals (zh-CN), scripts in title case (zh-Hant).
            return "\(base)-\(region.count == 4 ? region.prefix(1).uppercased() + region.dropFirst() : region.uppercased())"
        }
        return nil
    }

    /// `lang:` in the front matter, checked to be a language tag.
    private static func declaredLanguage(_ document: NotebookDocument) throws -> String? {
        guard let range = document.frontMatter.byteRange, document.frontMatter.lineCount > 2 else { return nil }
        let lines = document.lines
        let yamlStart = lines.start(ofLine: 2)
        let yamlEnd = lines.start(ofLine: document.frontMatter.lineCount)
        guard yamlStart < yamlEnd, yamlEnd <= range.upperBound else { return nil }
        let yaml = String(decoding: document.bytes[yamlStart..<yamlEnd], as: UTF8.self)
        guard case .mapping(let mapping)? = try? Yams.compose(yaml: yaml) else { return nil }
        for (key, value) in mapping where key.string == "lang" {
            let line = value.mark.map { $0.line + 1 }
            guard case .scalar(let scalar) = value, isLanguageTag(scalar.string) else {
                throw Diagnostic(file: document.path, line: line, column: value.mark?.column,
                                 message: "front matter: lang: expected a language tag such as en, zh or zh-CN")
            }
            return scalar.string
        }
        return nil
    }

    /// Letters, digits and hyphens in the shape of a BCP 47 tag (`en`, `zh-Hans-CN`).
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
