import Foundation
import XCTest

/// Debian's `chromium` run headless on pages from disk: the DOM after
/// scripts ran, and screenshots.
struct HeadlessChromium {
    let executable: String

    /// The browser, or a skip when it is missing outside CI. In CI (the `CI`
    /// variable set) a missing browser is a failure: the test must run there.
    static func require() throws -> HeadlessChromium {
        let environment = ProcessInfo.processInfo.environment
        let names = [environment["LITGRAD_CHROMIUM"], "chromium", "chromium-browser", "google-chrome"].compactMap { $0 }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            let candidates = name.hasPrefix("/") ? [name] : folders.map { $0 + "/" + name }
            if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) {
                return HeadlessChromium(executable: found)
            }
        }
        let message = "chromium is not installed (scripts/install-deps.sh installs it)"
        if let ci = environment["CI"], !ci.isEmpty {
            XCTFail("\(message); browser tests must run in CI")
            throw XCTSkip(message)
        }
        throw XCTSkip("\(message); skipping the browser tests (they are required when CI is set)")
    }

    /// The page's DOM after its scripts ran (KaTeX included).
    func dumpDOM(_ file: String) throws -> String {
        try run(["--dump-dom", URL(fileURLWithPath: file).absoluteString])
    }

    /// A PNG of the page at the given window size.
    func screenshot(_ file: String, to png: String, width: Int, height: Int, dark: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: (png as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        var arguments = ["--screenshot=\(png)", "--window-size=\(width),\(height)", "--hide-scrollbars"]
        if dark { arguments.append("--blink-settings=preferredColorScheme=0") }
        _ = try run(arguments + [URL(fileURLWithPath: file).absoluteString])
        guard FileManager.default.fileExists(atPath: png) else {
            throw NSError(domain: "HeadlessChromium", code: 1, userInfo: [NSLocalizedDescriptionKey: "no screenshot written to \(png)"])
        }
    }

    private func run(_ arguments: [String]) throws -> String {
        let profile = NSTemporaryDirectory() + "litgrad-chromium-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-extensions",
                             "--user-data-dir=\(profile)", "--virtual-time-budget=5000"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The browser ends on its own after the virtual time budget; a hung one is stopped.
        let deadline = DispatchTime.now() + .seconds(90)
        DispatchQueue.global().asyncAfter(deadline: deadline) { if process.isRunning { process.terminate() } }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
