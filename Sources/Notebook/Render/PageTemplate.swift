/// The HTML document around a lesson's content: head with assets, a header
/// linking the index, the table of contents, previous/next links and the
/// link to the notebook's source.
enum PageTemplate {
    struct Neighbour {
        var title: String
        var pagePath: String
    }

    /// Scripts and styles from the site only; no inline script or event
    /// handler runs even if one slipped through. Images may come from anywhere.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src * data:; object-src 'none'; base-uri 'none'"

    static func render(_ lesson: Lesson, previous: Neighbour?, next: Neighbour?, extraScript: String?,
                       restrictScripts: Bool) -> [UInt8] {
        let page = lesson.pagePath
        var out: [UInt8] = []
        out.reserveCapacity(lesson.body.html.count + 4096)
        appendHead(title: lesson.title, description: lesson.summary, lang: lesson.lang, page: page,
                   math: lesson.body.hasMath, extraScript: extraScript, restrictScripts: restrictScripts, to: &out)
        out.append("<header class=\"site-header\"><nav aria-label=\"Site\"><a href=\"")
        out.appendEscaped(SitePaths.link(from: page, to: SitePaths.index))
        out.append("\">All lessons</a></nav></header>\n")
        out.append("<div class=\"layout\">\n")
        // The contents sit beside the lesson on wide screens and under its
        // title on narrow ones: two copies, one of them hidden by the stylesheet.
        let contents = contentsList(lesson.body.headings)
        if let contents {
            out.append("<nav class=\"toc toc-side\" id=\"lg-contents\" aria-label=\"Contents\">\n")
            out += contents
            out.append("</nav>\n")
        }
        out.append("<main id=\"lg-main\">\n<article class=\"lesson\">\n")
        var body = lesson.body.html[...]
        if lesson.body.headings.contains(where: { $0.level == 1 }), let titleEnd = Self.endOfFirstTitle(in: lesson.body.html) {
            out += body[..<titleEnd]
            body = body[titleEnd...]
        } else {
            out.append("<h1>")
            out.appendEscaped(lesson.title)
            out.append("</h1>\n")
        }
        if let contents {
            out.append("<nav class=\"toc toc-inline\" aria-label=\"Contents\">\n")
            out += contents
            out.append("</nav>\n")
        }
        out += body
        out.append("</article>\n")
        appendPager(page: page, previous: previous, next: next, to: &out)
        out.append("<footer class=\"page-footer\"><a href=\"")
        out.appendEscaped(SitePaths.link(from: page, to: lesson.relativePath))
        out.append("\" type=\"text/markdown\">Source of this lesson (Markdown)</a></footer>\n")
        out.append("</main>\n</div>\n</body>\n</html>\n")
        return out
    }

    /// `<!DOCTYPE html>` through `<body>`. KaTeX is loaded only on pages
    /// with math. `restrictScripts` adds the content security policy (left
    /// out with --unsafe, where the author's own HTML may need more).
    static func appendHead(title: String, description: String?, lang: String, page: String, math: Bool,
                           extraScript: String?, restrictScripts: Bool, to out: inout [UInt8]) {
        out.append("<!DOCTYPE html>\n<html lang=\"")
        out.appendEscaped(lang)
        out.append("\">\n<head>\n<meta charset=\"utf-8\">\n")
        if restrictScripts {
            out.append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
            out.appendEscaped(contentSecurityPolicy)
            out.append("\">\n")
        }
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        out.append("<meta name=\"color-scheme\" content=\"light dark\">\n")
        out.append("<title>")
        out.appendEscaped(title)
        out.append("</title>\n")
        if let description, !description.isEmpty {
            out.append("<meta name=\"description\" content=\"")
            out.appendEscaped(description)
            out.append("\">\n")
        }
        if math { appendStylesheet(SitePaths.link(from: page, to: SitePaths.katexStylesheet), to: &out) }
        appendStylesheet(SitePaths.link(from: page, to: SitePaths.stylesheet), to: &out)
        if math {
            appendScript(SitePaths.link(from: page, to: SitePaths.katexScript), to: &out)
            appendScript(SitePaths.link(from: page, to: SitePaths.script), to: &out)
        }
        if let extraScript { appendScript(extraScript, to: &out) }
        out.append("</head>\n<body>\n")
    }

    private static func appendStylesheet(_ href: String, to out: inout [UInt8]) {
        out.append("<link rel=\"stylesheet\" href=\"")
        out.appendEscaped(href)
        out.append("\">\n")
    }

    private static func appendScript(_ src: String, to out: inout [UInt8]) {
        out.append("<script defer src=\"")
        out.appendEscaped(src)
        out.append("\"></script>\n")
    }

    /// Just past the first `</h1>` (and its line break) of a lesson's HTML.
    static func endOfFirstTitle(in html: [UInt8]) -> Int? {
        let closing = Array("</h1>".utf8)
        guard html.count >= closing.count else { return nil }
        for start in 0...(html.count - closing.count) where html[start] == UInt8(ascii: "<") {
            if html[start..<(start + closing.count)].elementsEqual(closing) {
                let end = start + closing.count
                return end < html.count && html[end] == 0x0A ? end + 1 : end
            }
        }
        return nil
    }

    /// Sections (`##`) and subsections (`###`) as a nested list; nil with fewer than two.
    private static func contentsList(_ headings: [Heading]) -> [UInt8]? {
        let entries = headings.filter { $0.level == 2 || $0.level == 3 }
        guard entries.count >= 2 else { return nil }
        var out: [UInt8] = []
        out.append("<p class=\"toc-title\">Contents</p>\n<ol>\n")
        var inSublist = false
        for (position, heading) in entries.enumerated() {
            if heading.level == 3 && !inSublist && position > 0 {
                // Nest under the open section item.
                out.removeLast("</li>\n".utf8.count)
                out.append("\n<ol>\n")
                inSublist = true
            } else if heading.level == 2 && inSublist {
                out.append("</ol></li>\n")
                inSublist = false
            }
            out.append("<li><a href=\"#")
            out.appendEscaped(heading.id)
            out.append("\">")
            out.append(heading.html)
            out.append("</a></li>\n")
        }
        if inSublist { out.append("</ol></li>\n") }
        out.append("</ol>\n")
        return out
    }

    private static func appendPager(page: String, previous: Neighbour?, next: Neighbour?, to out: inout [UInt8]) {
        guard previous != nil || next != nil else { return }
        out.append("<nav class=\"pager\" aria-label=\"Lessons\">\n")
        if let previous {
            out.append("<a class=\"pager-previous\" rel=\"prev\" href=\"")
            out.appendEscaped(SitePaths.link(from: page, to: previous.pagePath))
            out.append("\"><span class=\"pager-label\">Previous</span>")
            out.appendEscaped(previous.title)
            out.append("</a>\n")
        }
        if let next {
            out.append("<a class=\"pager-next\" rel=\"next\" href=\"")
            out.appendEscaped(SitePaths.link(from: page, to: next.pagePath))
            out.append("\"><span class=\"pager-label\">Next</span>")
            out.appendEscaped(next.title)
            out.append("</a>\n")
        }
        out.append("</nav>\n")
    }
}
