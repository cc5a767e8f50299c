/// Whether operations record history (`torch.no_grad()` turns it off).
/// Process-wide, like PyTorch's thread-local flag: an interpreter session is
/// single-threaded, and parallel notebooks run in separate processes or
/// restore the flag around each cell.
public enum GradMode {
    nonisolated(unsafe) public static var isEnabled = true

    /// Runs `body` with grad mode set to `enabled`, restoring it afterwards.
    public static func with<T>(enabled: Bool, _ body: () throws -> T) rethrows -> T {
        let saved = isEnabled
        isEnabled = enabled
        defer { isEnabled = saved }
        return try body()
    }
}
