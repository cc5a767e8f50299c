import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the tool may assume about where its output goes.
public enum Terminal {
    public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
    public static func colorAllowed(onTerminal isTerminal: Bool,
                                    environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard isTerminal else { return false }
        if let value = environment["NO_COLOR"], !value.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public static func writeStandardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    public static func writeStandardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
