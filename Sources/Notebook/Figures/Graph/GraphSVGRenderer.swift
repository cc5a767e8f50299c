import PyInterpreter

/// Draws a computation graph as inline SVG: DOT from `GraphDOTWriter`, layout
/// and SVG by Graphviz in-process, then cleaned for embedding in a page.
/// The same figure and prefix always give the same bytes.
public enum GraphSVGRenderer {
    /// The SVG element for `figure`. `idPrefix` keeps ids unique when several
    /// figures share a page (`cell3-graph`); characters not allowed in an id
    /// become `_`.
    public static func render(_ figure: GraphFigure, idPrefix: String) throws -> String {
        let prefix = SVGIdentifier.sanitized(idPrefix)
        let raw = try GraphvizLayout.svg(fromDOT: GraphDOTWriter.dot(for: figure, idPrefix: prefix))
        return GraphvizSVGCleaner.clean(raw, figure: figure)
    }
}

/// Makes Graphviz's SVG fit to inline in HTML and byte-stable: drops the XML
/// prolog, doctype and comments (they carry Graphviz's version), turns the
/// internal node names in tooltips into something useful, and swaps the ink
/// placeholder colour for `currentColor`.
enum GraphvizSVGCleaner {
    static func clean(_ svg: String, figure: GraphFigure) -> String {
        var text = Substring(svg)
        if let start = text.range(of: "<svg") { text = text[start.upperBound...] }
        var result = "<svg class=\"graph\""
        result.reserveCapacity(text.utf8.count)
        while !text.isEmpty {
            if text.hasPrefix("<!--") {
                guard let end = text.range(of: "-->") else { break }
                text = text[end.upperBound...]
            } else if text.hasPrefix("<title>") {
                guard let end = text.range(of: "</title>") else { break }
                let name = text[text.index(text.startIndex, offsetBy: 7)..<end.lowerBound]
                if let tooltip = tooltip(forGraphvizName: name, figure: figure) {
                    result += "<title>" + MarkupText.escaped(tooltip) + "</title>"
                }
                text = text[end.upperBound...]
            } else {
                let next = text.dropFirst().firstIndex(of: "<") ?? text.endIndex
                result += text[text.startIndex..<next]
                text = text[next...]
            }
        }
        result = result.replacingOccurrences(of: GraphDOTWriter.ink, with: "currentColor")
        // Graphviz writes every `-` as `&#45;`, ids included; plain is equivalent and greppable.
        result = result.replacingOccurrences(of: "&#45;", with: "-")
        let lines = result.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Operation nodes (`n3`) show their `grad_fn` class on hover; other
    /// Graphviz titles (the graph's, edges') are dropped.
    private static func tooltip(forGraphvizName name: Substring, figure: GraphFigure) -> String? {
        guard name.hasPrefix("n"), let index = Int(name.dropFirst()), figure.nodes.indices.contains(index),
              case .operation(let gradFn) = figure.nodes[index].kind else { return nil }
        return gradFn
    }
}
