import Foundation

/// What `litgrad serve` does end to end: render, listen on 127.0.0.1, say
/// where, and keep serving (and re-rendering) until the process is stopped.
public enum ConsoleServe {
    /// Returns only when the server cannot start (exit status 2).
    public static func perform(paths: [String], options: RenderOptions, port: UInt16,
                               standardOutput: @escaping (String) -> Void = Terminal.writeStandardOutput,
                               standardError: @escaping (String) -> Void = Terminal.writeStandardError) -> Int32 {
        let server: SiteServer
        do {
            server = try SiteServer(paths: paths, options: options, port: port, log: standardError)
        } catch {
            standardError("127.0.0.1:\(port): error: \(error)\n")
            return 2
        }
        let failed = DispatchSemaphore(value: 0)
        Task {
            do {
                let port = try await server.start()
                standardOutput("serving \(options.outputDirectory) at http://127.0.0.1:\(port)/ (re-rendered as notebooks change; Ctrl-C stops)\n")
            } catch {
                standardError("127.0.0.1:\(port): error: cannot listen: \(error)\n")
                failed.signal()
            }
        }
        failed.wait()
        return 2
    }

    /// A folder of its own under the system's temporary folder, for a site nobody asked to keep.
    public static func temporaryOutputDirectory() -> String {
        NSTemporaryDirectory() + "litgrad-serve-\(ProcessInfo.processInfo.processIdentifier)"
    }
}
