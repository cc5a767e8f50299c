import FlyingFox
import Foundation

/// `litgrad serve`: the rendered site over HTTP on 127.0.0.1 only (nothing
/// outside this machine can reach it), re-rendered as notebooks change.
public final class SiteServer: @unchecked Sendable {
    public let site: LiveSite
    private let server: HTTPServer
    private let log: (String) -> Void
    private var watcher: Thread?
    private let stopping = NSLock()
    private var stopped = false

    /// `options.outputDirectory` is where the site is written; `port` 0 picks a free port.
    public init(paths: [String], options: RenderOptions, port: UInt16,
                log: @escaping (String) -> Void = Terminal.writeStandardError) throws {
        var options = options
        options.extraScript = LiveReload.scriptPath
        site = LiveSite(paths: paths, options: options)
        self.log = log
        server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
    }

    /// Renders the site, starts watching the notebooks and starts listening;
    /// returns the port once the server accepts connections.
    public func start() async throws -> UInt16 {
        let first = await renderOnNotebookThread()
        report(first)
        await server.appendRoute("*") { [site] request in
            Self.respond(to: request, site: site)
        }
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening()
        } catch {
            task.cancel()
            throw error
        }
        startWatching()
        guard case let .ip4(_, port)? = await server.listeningAddress else { return 0 }
        return port
    }

    public func stop() async {
        markStopped()
        await server.stop()
    }

    private func markStopped() {
        stopping.lock(); defer { stopping.unlock() }
        stopped = true
    }

    private var isStopped: Bool {
        stopping.lock(); defer { stopping.unlock() }
        return stopped
    }

    /// Polls the notebooks twice a second on a thread with a notebook-sized stack.
    private func startWatching() {
        let thread = Thread { [weak self] in
            while let self, !self.isStopped {
                if let report = self.site.refresh() { self.report(report) }
                Thread.sleep(forTimeInterval: 0.5)
            }
        }
        thread.stackSize = Runner.notebookThreadStackSize
        thread.start()
        watcher = thread
    }

    private func renderOnNotebookThread() async -> RenderReport? {
        await withCheckedContinuation { continuation in
            let thread = Thread { [site] in continuation.resume(returning: site.refresh()) }
            thread.stackSize = Runner.notebookThreadStackSize
            thread.start()
        }
    }

    private func report(_ report: RenderReport?) {
        guard let report else { return }
        var text = report.warnings.map { $0 + "\n" }.joined()
        text += report.errors.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
        for path in report.rendered { text += "rendered \(path)\n" }
        if !text.isEmpty { log(text) }
    }

    // MARK: requests

    static func respond(to request: HTTPRequest, site: LiveSite) -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else { return HTTPResponse(statusCode: .methodNotAllowed) }
        switch request.path {
        case LiveReload.versionPath:
            return response(Data(String(site.version).utf8), type: "text/plain; charset=utf-8")
        case LiveReload.scriptPath:
            return response(Data(LiveReload.javaScript.utf8), type: "text/javascript; charset=utf-8")
        default:
            guard let file = file(for: request.path, root: site.options.outputDirectory),
                  let data = FileManager.default.contents(atPath: file) else {
                return response(Data("not found\n".utf8), type: "text/plain; charset=utf-8", status: .notFound)
            }
            return response(data, type: contentType(of: file))
        }
    }

    /// The file a URL path names inside the site, or nil for anything that
    /// would leave it. Folders serve their `index.html`.
    static func file(for urlPath: String, root: String) -> String? {
        let parts = urlPath.split(separator: "/")
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.hasPrefix(".") }) else { return nil }
        var path = root + (parts.isEmpty ? "" : "/" + parts.joined(separator: "/"))
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            path += "/index.html"
        }
        return path
    }

    static func contentType(of file: String) -> String {
        switch (file as NSString).pathExtension.lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "md": return "text/markdown; charset=utf-8"
        case "png": return "image/png"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "ttf": return "font/ttf"
        default: return "application/octet-stream"
        }
    }

    private static func response(_ body: Data, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }
}
