import Foundation
import PyInterpreter
@testable import Notebook

/// A stand-in for the interpreter that understands just enough of a cell to
/// test the notebook layer:
/// - `print("text")` prints `text` and a newline; `print("text", end="")` no newline;
/// - `raise Name("message")` raises, positioned at the `raise` keyword;
/// - `warn("text")` adds a warning;
/// - `counter()` prints how many cells this session has run (to see sessions);
/// - anything else does nothing.
/// Every cell and limits it receives are recorded.
final class FakeCellRunner: CellRunner {
    let fileName: String
    let initialLimits: Limits
    private(set) var cells: [CellSource] = []
    private(set) var limits: [Limits] = []
    /// When set, replaces the behaviour above.
    var canned: ((CellSource) -> CellResult)?

    init(fileName: String, limits: Limits) {
        self.fileName = fileName
        self.initialLimits = limits
    }

    func run(_ cell: CellSource, limits: Limits) -> CellResult {
        cells.append(cell)
        self.limits.append(limits)
        if let canned { return canned(cell) }
        var output = ""
        var warnings: [String] = []
        let lines = cell.code.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            let indentation = line.prefix { $0 == " " }.count
            let statement = line.dropFirst(indentation)
            if let text = Self.argument(of: "print(", in: statement) {
                output += text + (statement.contains(", end=\"\")") ? "" : "\n")
            } else if statement.hasPrefix("raise "), let open = statement.firstIndex(of: "(") {
                let type = String(statement[statement.index(statement.startIndex, offsetBy: 6)..<open])
                let message = Self.argument(of: "\(type)(", in: statement.dropFirst(6)) ?? ""
                let location = SourceLocation(line: cell.firstLine + offset, column: cell.indent + indentation + 1)
                let frame = TraceFrame(location: location, function: "<cell>", sourceLine: String(statement))
                return CellResult(output: output, error: CellError(type: type, message: message, location: location,
                                                                    sourceLine: String(line), traceback: [frame]),
                                  warnings: warnings)
            } else if let text = Self.argument(of: "warn(", in: statement) {
                warnings.append("\(fileName):\(cell.firstLine + offset): UserWarning: \(text)")
            } else if statement.hasPrefix("counter()") {
                output += "\(cells.count)\n"
            }
        }
        return CellResult(output: output, warnings: warnings)
    }

    /// The string literal inside `call"…"…)` with `\n` escapes decoded.
    private static func argument(of call: String, in statement: Substring) -> String? {
        guard statement.hasPrefix(call + "\"") else { return nil }
        let rest = statement.dropFirst(call.count + 1)
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return rest[..<close].replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
    }
}

/// Collects the fake runners a run created, one per notebook.
final class FakeRunnerPool: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var runners: [FakeCellRunner] = []
    var canned: ((CellSource) -> CellResult)?

    var factory: CellRunnerFactory {
        { [self] fileName, limits in
            let runner = FakeCellRunner(fileName: fileName, limits: limits)
            runner.canned = canned
            lock.lock(); runners.append(runner); lock.unlock()
            return runner
        }
    }

    func runner(for fileName: String) -> FakeCellRunner? {
        lock.lock(); defer { lock.unlock() }
        return runners.first { $0.fileName == fileName }
    }
}

extension RunOptions {
    static func fake(_ mode: RunOptions.Mode, pool: FakeRunnerPool = FakeRunnerPool()) -> RunOptions {
        var options = RunOptions(mode: mode)
        options.makeRunner = pool.factory
        options.jobs = 1
        return options
    }
}
