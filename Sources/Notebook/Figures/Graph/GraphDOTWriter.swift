import PyInterpreter

/// Writes a `GraphFigure` as a Graphviz DOT graph. Every piece of text goes
/// through an HTML-like label with `&`, `<`, `>` and `"` escaped, so nothing in
/// a name or value can change the graph's structure or the SVG's markup.
///
/// Colours: `GraphDOTWriter.ink` stands for "the text colour" (Graphviz has
/// no `currentColor`); the SVG renderer replaces it afterwards. Fills are
/// translucent tab10 colours, readable on light and dark pages alike.
enum GraphDOTWriter {
    /// A colour no style would pick, swapped for `currentColor` in the SVG.
    static let ink = "#010203"
    static let fontName = "Helvetica,Arial,sans-serif"

    /// `idPrefix` must already be a valid, unique id fragment (see `GraphSVGRenderer`).
    static func dot(for figure: GraphFigure, idPrefix: String) -> String {
        var out = "digraph G {\n"
        out += "  id=\"\(idPrefix)\"; rankdir=LR; bgcolor=\"transparent\"; nodesep=0.25; ranksep=0.4;\n"
        out += "  node [fontname=\"\(fontName)\", fontsize=11, color=\"\(ink)\", fontcolor=\"\(ink)\", penwidth=1];\n"
        out += "  edge [fontname=\"\(fontName)\", fontsize=10, color=\"\(ink)\", fontcolor=\"\(ink)\", arrowsize=0.7];\n"
        for (i, node) in figure.nodes.enumerated() {
            out += "  n\(i) [id=\"\(idPrefix)-n\(i)\", " + attributes(of: node) + "];\n"
        }
        for (i, edge) in figure.edges.enumerated() {
            out += "  n\(edge.from) -> n\(edge.to) [id=\"\(idPrefix)-e\(i)\""
            if let label = edge.label {
                out += ", class=\"derivative\", label=<\(escaped(label))>"
            }
            out += "];\n"
        }
        if figure.omittedNodeCount > 0 {
            let note = "\(figure.omittedNodeCount) more nodes not shown"
            out += "  label=<\(escaped(note))>; labelloc=b; fontname=\"\(fontName)\"; fontsize=10; fontcolor=\"\(ink)\";\n"
        }
        return out + "}\n"
    }

    private static func attributes(of node: GraphFigure.Node) -> String {
        switch node.kind {
        case .operation:
            let title = node.title ?? "?"
            // Short symbols sit in a circle; names like `LeakyReLU` need an ellipse.
            let shape = title.count <= 2 ? "circle" : "ellipse"
            return "class=\"op\", shape=\(shape), margin=0.04, fontsize=13, label=<\(escaped(title))>"
        case .tensor(let role):
            var cells: [String] = []
            if let title = node.title { cells.append("<B>\(escaped(title))</B>") }
            // A shape reads on its own ("shape (3, 2)"); a value needs its word.
            if let value = node.value { cells.append((value.hasPrefix("shape") ? "" : "data ") + escaped(value)) }
            if let grad = node.grad { cells.append("grad " + escaped(grad)) }
            if cells.isEmpty { cells.append(" ") }
            let row = cells.map { "<TD>\($0)</TD>" }.joined()
            let table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" COLUMNS=\"*\"><TR>\(row)</TR></TABLE>"
            return "class=\"tensor \(role.rawValue)\", shape=box, margin=0.04, " + style(of: role) + ", label=<\(table)>"
        }
    }

    /// Leaves, parameters, intermediates and the output differ in fill and
    /// outline, so they stay distinct without colour too.
    private static func style(of role: GraphFigure.TensorRole) -> String {
        switch role {
        case .leaf: return "style=\"rounded,filled\", fillcolor=\"#1f77b433\""
        case .parameter: return "style=\"rounded,filled,bold\", fillcolor=\"#ff7f0e33\", penwidth=2"
        case .intermediate: return "style=\"rounded\""
        case .output: return "style=\"rounded,filled\", fillcolor=\"#2ca02c33\", peripheries=2"
        }
    }

    private static func escaped(_ text: String) -> String { MarkupText.escaped(text) }
}
