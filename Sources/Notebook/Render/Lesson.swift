/// A notebook rendered for the site: its page content and what the index,
/// the page title and the previous/next links need.
struct Lesson {
    /// The notebook's path as found (used in messages).
    var sourcePath: String
    /// The notebook's path inside the site, e.g. `zh/01-intro.md`; its
    /// source is copied there and its page is the same path with `.html`.
    var relativePath: String
    var title: String
    var summary: String?
    /// A language tag for `<html lang>`.
    var lang: String
    var body: LessonBody
    /// The notebook exactly as read (copied into the site as its source).
    var sourceBytes: [UInt8]

    var pagePath: String { SitePaths.page(forNotebook: relativePath) }

    /// The title: the front matter's, else the first `#` heading, else the file name.
    static func title(frontMatter: FrontMatter, headings: [Heading], relativePath: String) -> String {
        if let title = frontMatter.title?.trimmingSpaces(), !title.isEmpty { return title }
        if let heading = headings.first(where: { $0.level == 1 }), !heading.text.isEmpty { return heading.text }
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }
}
