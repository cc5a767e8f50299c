/// An error raised by the engine, worded as PyTorch words it. `type` is the
/// Python exception class PyTorch raises (`RuntimeError`, `IndexError`…).
public struct TorchError: Error, Equatable, CustomStringConvertible {
    public var type: String
    public var message: String

    public init(type: String, message: String) {
        self.type = type
        self.message = message
    }

    public var description: String { "\(type): \(message)" }

    public static func runtime(_ message: String) -> TorchError { TorchError(type: "RuntimeError", message: message) }
    public static func value(_ message: String) -> TorchError { TorchError(type: "ValueError", message: message) }
    public static func index(_ message: String) -> TorchError { TorchError(type: "IndexError", message: message) }
    public static func typeError(_ message: String) -> TorchError { TorchError(type: "TypeError", message: message) }
    public static func notImplemented(_ message: String) -> TorchError { TorchError(type: "NotImplementedError", message: message) }
    public static func memory(_ message: String) -> TorchError { TorchError(type: "MemoryError", message: message) }
}
