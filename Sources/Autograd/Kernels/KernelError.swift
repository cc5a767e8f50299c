/// An error a kernel reports for input a user can get wrong (shapes, sizes,
/// options), carrying the Python exception type and PyTorch's exact message.
public struct KernelError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The Python exception class name: `RuntimeError`, `IndexError`…
    public let type: String
    public let message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    public static func runtime(_ message: String) -> KernelError {
        KernelError(type: "RuntimeError", message: message)
    }

    public static func index(_ message: String) -> KernelError {
        KernelError(type: "IndexError", message: message)
    }

    /// `RuntimeError: message`, as Python prints an uncaught exception's last line.
    public var description: String { "\(type): \(message)" }
}
