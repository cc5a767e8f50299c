import Foundation
import Synchronization

/// One activation: a cell's top level, a function call, a class body or a comprehension.
final class Frame {
    var locals: [Value?]
    var cells: [PyCell]
    let unit: SourceUnit
    /// `<cell>`, the function's name, or the class name.
    let name: String
    /// The function being run (zero-argument `super()` reads its class and first argument).
    let function: PyFunction?
    /// A class body's namespace while it runs.
    let namespace: ClassNamespace?
    /// The statement being executed (warnings, and tracebacks of errors without a node).
    var currentSpan = SourceSpan.unknown

    init(locals: [Value?], cells: [PyCell], unit: SourceUnit, name: String, function: PyFunction? = nil, namespace: ClassNamespace? = nil) {
        self.locals = locals
        self.cells = cells
        self.unit = unit
        self.name = name
        self.function = function
        self.namespace = namespace
    }
}

/// A class body's namespace (a reference, so the body's statements can fill it).
final class ClassNamespace {
    var table = AttributeTable()
}

/// The tree-walking evaluator and the runtime services native code uses
/// (calling Python values, attribute access, str/repr, iteration, warnings).
/// One interpreter per notebook session; it runs one cell at a time.
public final class Interpreter {
    public let fileName: String
    public var limits: Limits
    let globals: GlobalTable
    let modules: ModuleRegistry
    var loadedModules: [String: PyModule] = [:]

    /// What `print` wrote during the current cell.
    public internal(set) var output = ""
    var warnings: [String] = []
    private var warnedKeys = Set<String>()

    var callDepth = 0
    var frame: Frame?
    /// The generator whose body is running, if any (where `yield` hands values to).
    var generatorChannel: GeneratorChannel?
    /// Generators dropped while suspended; closed at the next safe point.
    var abandonedGenerators: [GeneratorChannel] = []
    /// Generators started and not finished (each holds a thread).
    var suspendedGenerators = 0
    /// Exceptions being handled by `except` blocks, innermost last (bare `raise`).
    var handledExceptions: [PyError] = []
    /// Containers whose repr is in progress (recursive containers print `[...]`).
    var reprInProgress = Set<ObjectIdentifier>()

    private var deadline: UInt64 = .max
    private var ticksUntilClockCheck = 0
    /// Ticks between clock checks, adapted so a check comes every few
    /// milliseconds whatever a tick costs (a loop whose body copies a big
    /// dict ticks once per millisecond; an empty loop, every few nanoseconds).
    private var ticksPerClockCheck = Interpreter.firstTicksPerClockCheck
    private var lastClockCheck: UInt64 = 0
    private static let firstTicksPerClockCheck = 64
    private static let maxTicksPerClockCheck = 4096
    private static let clockCheckInterval: UInt64 = 5_000_000
    /// Set from the timer's thread at the deadline; read by every tick.
    private let alarm = Alarm()
    private var alarmTimer: DispatchSourceTimer?
    /// Resident memory is read at most every 20 ms (one small /proc read).
    private static let memoryCheckInterval: UInt64 = 20_000_000
    private var lastMemoryCheck: UInt64 = 0

    public init(fileName: String, limits: Limits = .default, modules: ModuleRegistry = .standard()) {
        self.fileName = fileName
        self.limits = limits
        self.modules = modules
        self.globals = GlobalTable(builtins: Builtins.table)
        globals["__name__"] = .string("__main__")
    }

    // MARK: - Running cells

    /// Parses, resolves and runs one cell. Must run on a thread with a large stack.
    func runCell(code: String, unit: SourceUnit) -> (error: CellError?, moreErrors: [CellError]) {
        output = ""
        warnings = []
        let parser = Parser(source: code, unit: unit)
        let body = parser.parseModule()
        let issues = SyntaxErrorOrder.prioritize(parser: parser.issues, lexer: parser.lexer.issues)
        if !issues.isEmpty {
            let errors = issues.prefix(Interpreter.maxReportedSyntaxErrors).map { cellError(for: $0, unit: unit) }
            return (errors[0], Array(errors.dropFirst()))
        }
        let resolver = Resolver(globals: globals)
        let resolved = resolver.resolveModule(body)
        if !resolver.issues.isEmpty {
            let errors = resolver.issues.map { cellError(for: $0, unit: unit) }
            return (errors[0], Array(errors.dropFirst()))
        }
        let top = Frame(locals: [], cells: [], unit: unit, name: "<cell>")
        startClock()
        callDepth = 1
        handledExceptions = []
        reprInProgress = []
        frame = top
        defer {
            closeAbandonedGenerators()
            frame = nil
            callDepth = 0
            stopAlarm()
        }
        do {
            _ = try exec(resolved, top)
            return (nil, [])
        } catch let e as PyError {
            let s = e.state
            s.traceback.append(TraceEntry(unit: unit, function: top.name, span: s.pendingSpan ?? top.currentSpan))
            s.pendingSpan = nil
            return (cellError(for: e), [])
        } catch {
            return (CellError(type: "SystemError", message: "\(error)", location: nil), [])
        }
    }

    /// A cell with thousands of errors reports the first ones only.
    static let maxReportedSyntaxErrors = 50

    private func cellError(for issue: SyntaxIssue, unit: SourceUnit) -> CellError {
        let location = unit.location(issue.position)
        let line = unit.line(Int(issue.position.line))
        return CellError(type: issue.type, message: issue.message, location: location, sourceLine: line,
                         traceback: [TraceFrame(location: location, function: "<cell>", sourceLine: line.trimmingCharacters(in: .whitespaces))])
    }

    /// The notebook-facing form of an uncaught exception.
    func cellError(for e: PyError) -> CellError {
        let message = (try? exceptionMessage(e.exception)) ?? ""
        var frames: [TraceFrame] = []
        for entry in e.state.traceback.reversed() where entry.span.isKnown {
            let line = entry.unit.line(Int(entry.span.start.line))
            frames.append(TraceFrame(location: entry.unit.location(entry.span.start), function: entry.function,
                                     sourceLine: line.trimmingCharacters(in: .whitespaces)))
        }
        let innermost = e.state.traceback.first { $0.span.isKnown }
        return CellError(type: e.typeName, message: message,
                         location: innermost.map { $0.unit.location($0.span.start) },
                         sourceLine: innermost.map { $0.unit.line(Int($0.span.start.line)) } ?? "",
                         traceback: frames)
    }

    /// Warnings emitted by the last cell, formatted for stderr.
    var cellWarnings: [String] { warnings }

    // MARK: - Limits

    private func startClock() {
        let now = DispatchTime.now().uptimeNanoseconds
        let budget = limits.timeoutSeconds * 1e9
        // A limit that is not a positive number (front ends reject them) ends the cell at once.
        if !(budget > 0) {
            deadline = now
        } else {
            deadline = budget >= Double(UInt64.max - now) ? .max : now + UInt64(budget)
        }
        lastClockCheck = now
        ticksPerClockCheck = Interpreter.firstTicksPerClockCheck
        ticksUntilClockCheck = ticksPerClockCheck
        startAlarm(at: deadline)
    }

    /// Counting ticks between clock reads adapts to how long a tick takes, so
    /// a loop whose steps suddenly become slow (a big copy per step) would
    /// check too late. A timer rings at the deadline: the next tick then
    /// checks the clock whatever the count says.
    private func startAlarm(at deadline: UInt64) {
        stopAlarm()
        alarm.isRinging = false
        guard deadline != .max else { return }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        let bell = alarm
        timer.schedule(deadline: DispatchTime(uptimeNanoseconds: deadline))
        timer.setEventHandler { bell.isRinging = true }
        timer.resume()
        alarmTimer = timer
    }

    private func stopAlarm() {
        alarmTimer?.cancel()
        alarmTimer = nil
    }

    /// Counts one unit of work (a loop iteration, a call); checks the wall clock now and then.
    @inline(__always)
    public func tick() throws {
        ticksUntilClockCheck &-= 1
        if ticksUntilClockCheck <= 0 || alarm.isRinging { try checkDeadline() }
    }

    /// Raises the (uncatchable) timeout error once the cell's time is up. Long native loops call this.
    public func checkDeadline() throws {
        let now = DispatchTime.now().uptimeNanoseconds
        let elapsed = now &- lastClockCheck
        lastClockCheck = now
        if elapsed > Interpreter.clockCheckInterval {
            let scaled = UInt64(ticksPerClockCheck) * Interpreter.clockCheckInterval / elapsed
            ticksPerClockCheck = max(1, Int(scaled))
        } else if ticksPerClockCheck < Interpreter.maxTicksPerClockCheck {
            ticksPerClockCheck *= 2
        }
        ticksUntilClockCheck = ticksPerClockCheck
        if now &- lastMemoryCheck > Interpreter.memoryCheckInterval {
            lastMemoryCheck = now
            try checkMemory()
        }
        if now > deadline {
            // Until the cell ends, every tick raises again (`finally` blocks that call on).
            ticksPerClockCheck = 1
            ticksUntilClockCheck = 0
            let e = PyError(.timeoutError, "cell exceeded its time limit of \(Limits.describeSeconds(limits.timeoutSeconds))")
            e.state.isUncatchable = true
            throw e
        }
    }

    /// Ends the cell (uncatchably, like the time limit) once the process holds
    /// more memory than `maxMemoryBytes`.
    private func checkMemory() throws {
        guard let resident = ProcessMemory.residentBytes(), resident > limits.maxMemoryBytes else { return }
        let e = PyError(.memoryError, "the process holds \(resident >> 20) MiB, over the memory limit of \(limits.maxMemoryBytes >> 20) MiB")
        e.state.isUncatchable = true
        throw e
    }

    /// Raises MemoryError if a container or string would exceed the size limit.
    @inline(__always)
    public func checkSize(_ count: Int, _ what: String = "container") throws {
        if count > limits.maxContainerSize {
            throw PyError(.memoryError, "\(what) of \(count) items exceeds the limit of \(limits.maxContainerSize)")
        }
    }

    /// Counts one level of (Python or native) recursion; `context` is CPython's
    /// suffix for native recursion (" while getting the repr of an object", " in comparison").
    func enterCall(_ context: String = "") throws {
        callDepth += 1
        if callDepth > limits.maxRecursionDepth {
            callDepth -= 1
            throw PyError(.recursionError, "maximum recursion depth exceeded" + context)
        }
    }
    @inline(__always) func exitCall() { callDepth -= 1 }

    // MARK: - Output and warnings

    /// Appends to the cell's output (what `print` writes).
    public func write(_ text: String) throws {
        output += text
        if output.utf8.count > limits.maxContainerSize {
            throw PyError(.memoryError, "cell output exceeds \(limits.maxContainerSize) bytes")
        }
    }

    /// Emits a warning like Python's `warnings.warn`: shown once per (location, category, message).
    /// By default the location is the user's statement being executed; native code may name
    /// another location (for example a line inside torch) with `file`, `line` and `sourceLine`.
    public func warn(_ message: String, category: String = "UserWarning", file: String? = nil, line: Int? = nil, sourceLine: String? = nil) {
        let fileText: String
        let lineNumber: Int
        let source: String
        if let file = file, let line = line {
            fileText = file
            lineNumber = line
            source = sourceLine ?? ""
        } else if let f = frame, f.currentSpan.isKnown {
            fileText = fileName
            lineNumber = f.unit.firstLine + Int(f.currentSpan.start.line) - 1
            source = f.unit.line(Int(f.currentSpan.start.line)).trimmingCharacters(in: .whitespaces)
        } else {
            fileText = fileName
            lineNumber = 0
            source = ""
        }
        let key = "\(fileText):\(lineNumber):\(category):\(message)"
        guard warnedKeys.insert(key).inserted else { return }
        var text = "\(fileText):\(lineNumber): \(category): \(message)"
        if !source.isEmpty { text += "\n  \(source)" }
        warnings.append(text)
    }
}

extension Limits {
    static func describeSeconds(_ s: Double) -> String {
        s == s.rounded() && abs(s) < 1e15 ? "\(Int(s)) s" : "\(s) s"
    }
}

/// CPython reports tokenizer errors anywhere in the source before parser errors,
/// and an unclosed bracket instead of an error found inside it.
enum SyntaxErrorOrder {
    static func prioritize(parser: [SyntaxIssue], lexer: [LexIssue]) -> [SyntaxIssue] {
        var all = parser + lexer.map { $0.issue }
        all.sort { $0.position < $1.position }
        guard !all.isEmpty else { return [] }
        var first: SyntaxIssue? = lexer.first { !$0.isNeverClosed }?.issue
        if first == nil, let neverClosed = lexer.first(where: { $0.isNeverClosed }) {
            // An error after the unclosed bracket is a symptom of it.
            if let p = parser.first, p.position < neverClosed.issue.position {
                first = p
            } else {
                first = neverClosed.issue
            }
        }
        if first == nil { first = parser.first }
        guard let primary = first else { return all }
        var rest = all
        if let i = rest.firstIndex(of: primary) { rest.remove(at: i) }
        return [primary] + rest
    }
}

/// A flag the timer's thread raises for the interpreter's. Relaxed atomics:
/// the tick that sees it re-reads the real clock, so the flag only says when.
final class Alarm: Sendable {
    private let flag = Atomic<Bool>(false)
    var isRinging: Bool {
        get { flag.load(ordering: .relaxed) }
        set { flag.store(newValue, ordering: .relaxed) }
    }
}
