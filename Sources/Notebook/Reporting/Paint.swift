/// ANSI colours for a terminal, or plain text when disabled.
struct Paint {
    var enabled: Bool
    func red(_ s: String) -> String { wrap(s, "31") }
    func green(_ s: String) -> String { wrap(s, "32") }
    func cyan(_ s: String) -> String { wrap(s, "36") }
    func bold(_ s: String) -> String { wrap(s, "1") }
    private func wrap(_ s: String, _ code: String) -> String { enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
}
