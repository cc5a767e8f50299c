import Foundation

/// A one-line status for runs that take a while, redrawn in place on a
/// terminal: `[3/12] lessons/mlp.md cell 4/9 (line 88) 5s`. It stays silent
/// during the first second so quick runs print nothing extra, ticks while a
/// long cell runs, and is cleared before the report is printed.
public final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let write: (String) -> Void
    private let delay: TimeInterval
    private let started = Date()
    private var total = 0
    private var done = 0
    private var current = ""
    private var currentStarted = Date()
    private var shown = false
    private var lastDraw = Date.distantPast
    private var ticker: DispatchSourceTimer?

    /// - Parameter write: where the text goes (stderr, normally); it receives
    ///   carriage returns and erase-line sequences.
    public init(delay: TimeInterval = 1, write: @escaping (String) -> Void) {
        self.delay = delay
        self.write = write
    }

    /// Redraws twice a second even when no event arrives (a long cell).
    public func startTicking() {
        let timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + .milliseconds(500), repeating: .milliseconds(500))
        timer.setEventHandler { [weak self] in
            guard let self else { return }
            self.lock.lock(); defer { self.lock.unlock() }
            self.draw()
        }
        lock.lock(); ticker = timer; lock.unlock()
        timer.resume()
    }

    public func handle(_ event: ProgressEvent) {
        lock.lock(); defer { lock.unlock() }
        switch event {
        case .started(let notebooks):
            total = notebooks
        case .cellStarted(let path, let cell, let cells, let line):
            current = "\(path) cell \(cell)/\(cells) (line \(line))"
            currentStarted = Date()
        case .notebookFinished:
            done += 1
        }
        draw()
    }

    /// Stops ticking and erases the line, if it was ever drawn.
    public func finish() {
        lock.lock(); defer { lock.unlock() }
        ticker?.cancel()
        ticker = nil
        if shown { write("\r\u{1B}[K") }
        shown = false
    }

    private func draw() {
        let now = Date()
        guard now.timeIntervalSince(started) >= delay, now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        shown = true
        var text = "[\(done)/\(total)] \(current)"
        let seconds = Int(now.timeIntervalSince(currentStarted))
        if seconds >= 2 && !current.isEmpty { text += " \(seconds)s" }
        if text.count > 100 { text = String(text.prefix(99)) + "…" }
        write("\r\u{1B}[K" + text)
    }
}
