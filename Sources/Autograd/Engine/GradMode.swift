/// Whether operations record history (`torch.no_grad()` turns it off).
/// Thread-scoped through `EngineContext`, like PyTorch's thread-local flag.
public enum GradMode {
    public static var isEnabled: Bool {
        @inline(__always) get { EngineContext.withCurrent { $0.gradEnabled } }
        set { EngineContext.withCurrent { $0.gradEnabled = newValue } }
    }

    /// Runs `body` with grad mode set to `enabled`, restoring it afterwards.
    public static func with<T>(enabled: Bool, _ body: () throws -> T) rethrows -> T {
        let saved = isEnabled
        isEnabled = enabled
        defer { isEnabled = saved }
        return try body()
    }
}
