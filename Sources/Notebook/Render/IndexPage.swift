/// `index.html`: every lesson with its title and summary, ordered by path
/// (so by file name within a folder). Lessons of a subfolder (`zh/`) are
/// listed under the folder's name after those at the root.
enum IndexPage {
    static let title = "Lessons"

    static func render(_ lessons: [Lesson], extraScript: String?, restrictScripts: Bool) -> [UInt8] {
        var out: [UInt8] = []
        let page = SitePaths.index
        PageTemplate.appendHead(title: title, description: nil, lang: LessonLanguage.fallback, page: page, math: false,
                                extraScript: extraScript, restrictScripts: restrictScripts, to: &out)
        out.append("<div class=\"layout layout-index\">\n<main id=\"lg-main\">\n<h1>\(title)</h1>\n")
        if lessons.isEmpty { out.append("<p>No lessons yet.</p>\n") }
        var currentFolder: String? = nil
        for lesson in lessons {
            let folder = SitePaths.folder(of: lesson.relativePath)
            if folder != currentFolder {
                if currentFolder != nil { out.append("</ol>\n</section>\n") }
                out.append("<section class=\"lesson-group\"")
                if folder.isEmpty {
                    out.append(">\n")
                } else {
                    if let lang = LessonLanguage.fromPath(lesson.relativePath) {
                        out.append(" lang=\"")
                        out.appendEscaped(lang)
                        out.append("\"")
                    }
                    out.append(">\n<h2>")
                    out.appendEscaped(folder)
                    out.append("</h2>\n")
                }
                out.append("<ol class=\"lesson-list\">\n")
                currentFolder = folder
            }
            out.append("<li lang=\"")
            out.appendEscaped(lesson.lang)
            out.append("\"><a href=\"")
            out.appendEscaped(SitePaths.link(from: page, to: lesson.pagePath))
            out.append("\">")
            out.appendEscaped(lesson.title)
            out.append("</a>")
            if let summary = lesson.summary, !summary.isEmpty {
                out.append("<p>")
                out.appendEscaped(summary)
                out.append("</p>")
            }
            out.append("</li>\n")
        }
        if currentFolder != nil { out.append("</ol>\n</section>\n") }
        out.append("</main>\n</div>\n</body>\n</html>\n")
        return out
    }
}
