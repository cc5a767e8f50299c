import CGraphviz
import Foundation

/// The one file that imports `CGraphviz`: lays out a DOT graph with the
/// `dot` engine and renders it to SVG in-process, through libgvc's C API.
/// Every Graphviz object is created and freed inside `svg(fromDOT:)`; only a
/// Swift `String` leaves it.
enum GraphvizLayout {
    struct Failure: Error, Equatable, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Graphviz keeps global state (its error channel, the current graph), so
    /// one layout at a time.
    private static let lock = NSLock()
    /// Messages Graphviz reported during the current call (guarded by `lock`).
    nonisolated(unsafe) private static var messages: [String] = []

    /// Graphviz's SVG for `dot`, exactly as its `svg` renderer writes it.
    static func svg(fromDOT dot: String) throws -> String {
        lock.lock()
        defer { lock.unlock() }
        messages = []
        // Warnings and errors come here instead of the tool's stderr.
        let previousHandler = agseterrf { text in
            if let text { GraphvizLayout.messages.append(String(cString: text)) }
            return 0
        }
        defer { agseterrf(previousHandler) }

        guard let context = gvContext() else { throw Failure(message: "Graphviz: could not create a context") }
        defer { gvFreeContext(context) }
        guard let graph = dot.withCString({ agmemread($0) }) else {
            throw Failure(message: "Graphviz could not read the generated graph: " + reportedMessages())
        }
        defer { agclose(graph) }
        guard gvLayout(context, graph, "dot") == 0 else {
            throw Failure(message: "Graphviz layout failed: " + reportedMessages())
        }
        defer { gvFreeLayout(context, graph) }
        var data: UnsafeMutablePointer<CChar>?
        var length: UInt32 = 0
        guard gvRenderData(context, graph, "svg", &data, &length) == 0, let data else {
            throw Failure(message: "Graphviz could not render SVG: " + reportedMessages())
        }
        defer { gvFreeRenderData(data) }
        let bytes = UnsafeRawBufferPointer(start: data, count: Int(length))
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func reportedMessages() -> String {
        let text = messages.joined().trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no details" : text
    }
}
