import Foundation
import Autograd

/// Generator functions (`def f(): ... yield x ...`). The body runs as a
/// coroutine on its own thread, strictly taking turns with the code that
/// iterates it: `next` hands control to the body and waits, `yield` hands
/// the value back and waits. Only one side runs at a time, so the
/// interpreter is never used concurrently; each side's interpreter
/// registers (current frame, call depth, handled exceptions, generator)
/// are swapped at every hand-over.
final class GeneratorChannel: @unchecked Sendable {
    let resumeBody = DispatchSemaphore(value: 0)
    let bodySuspended = DispatchSemaphore(value: 0)
    var yielded: Value = .none
    var finished = false
    var running = false
    var failure: Error?
    /// Set when the generator is closed: the suspended `yield` raises GeneratorExit.
    var closing = false
    /// The body's interpreter registers while it is suspended.
    var registers = InterpreterRegisters()
}

struct InterpreterRegisters {
    var frame: Frame?
    var callDepth = 0
    var handledExceptions: [PyError] = []
    var generatorChannel: GeneratorChannel?
}

/// The generator object a call to a generator function returns.
final class FunctionGenerator: PyIterator {
    private weak var interpreter: Interpreter?
    private let channel = GeneratorChannel()
    private let code: FunctionDef
    private let bodyFrame: Frame
    private var started = false

    init(_ interp: Interpreter, code: FunctionDef, frame: Frame) {
        interpreter = interp
        self.code = code
        bodyFrame = frame
    }

    deinit {
        // Dropped while suspended: close it (running its `finally` blocks) at
        // the next safe point, not in the middle of whatever released it.
        if started && !channel.finished { interpreter?.abandonedGenerators.append(channel) }
    }

    override var typeName: String { "generator" }

    override func next(_ interp: Interpreter) throws -> Value? {
        if channel.finished { return nil }
        if channel.running { throw PyError(.valueError, "generator already executing") }
        if !started {
            // Each suspended generator holds a thread: close the dropped ones
            // first (a call is a safe point), and refuse more than the limit.
            if !interp.abandonedGenerators.isEmpty { interp.closeAbandonedGenerators() }
            guard interp.suspendedGenerators < interp.limits.maxSuspendedGenerators else {
                throw PyError(.memoryError, "more than \(interp.limits.maxSuspendedGenerators) generators are suspended at once")
            }
            started = true
            interp.suspendedGenerators += 1
            var registers = interp.registers
            registers.frame = bodyFrame
            registers.handledExceptions = []
            registers.generatorChannel = channel
            channel.registers = registers
            start(interp)
        } else {
            interp.switchTo(channel) { channel.resumeBody.signal() }
        }
        if let failure = channel.failure {
            channel.failure = nil
            throw failure
        }
        return channel.finished ? nil : channel.yielded
    }

    private func start(_ interp: Interpreter) {
        let channel = self.channel, code = self.code, frame = bodyFrame
        let engine = EngineContext.current
        interp.switchTo(channel) {
            let thread = Thread {
                EngineContext.with(engine) {
                    do {
                        try interp.runGeneratorBody(code, frame)
                    } catch let e as PyError where e.type.isSubtype(of: .stopIteration) {
                        channel.failure = PyError(.runtimeError, "generator raised StopIteration")
                    } catch let e as PyError where e.type.isSubtype(of: .generatorExit) && channel.closing {
                        // closed while suspended: finishing is the expected outcome
                    } catch {
                        channel.failure = error
                    }
                    channel.finished = true
                    interp.suspendedGenerators -= 1
                    channel.bodySuspended.signal()
                }
            }
            thread.stackSize = NotebookSession.stackSize
            thread.start()
        }
    }
}

extension Interpreter {
    var registers: InterpreterRegisters {
        get { InterpreterRegisters(frame: frame, callDepth: callDepth, handledExceptions: handledExceptions, generatorChannel: generatorChannel) }
        set {
            frame = newValue.frame
            callDepth = newValue.callDepth
            handledExceptions = newValue.handledExceptions
            generatorChannel = newValue.generatorChannel
        }
    }

    /// Installs the generator's registers, lets `handOver` wake its body, waits
    /// until the body yields or ends, then restores the caller's registers.
    func switchTo(_ channel: GeneratorChannel, _ handOver: () -> Void) {
        let caller = registers
        registers = channel.registers
        channel.running = true
        handOver()
        channel.bodySuspended.wait()
        channel.running = false
        channel.registers = registers
        registers = caller
    }

    /// Runs a generator function's body on the generator's thread.
    func runGeneratorBody(_ code: FunctionDef, _ frame: Frame) throws {
        try enterCall()
        defer { exitCall() }
        do {
            _ = try exec(code.body, frame)
        } catch let e as PyError {
            let s = e.state
            s.traceback.append(TraceEntry(unit: frame.unit, function: code.name, span: s.pendingSpan ?? frame.currentSpan))
            s.pendingSpan = nil
            throw e
        }
    }

    /// `yield value` inside a generator body: hands `value` to the iterating
    /// code and waits until it asks for the next one.
    func yieldFromGenerator(_ value: Value) throws -> Value {
        guard let channel = generatorChannel else { throw PyError(.syntaxError, "'yield' outside function") }
        if channel.closing { throw PyError(.generatorExit, "") }
        channel.yielded = value
        channel.bodySuspended.signal()
        channel.resumeBody.wait()
        if channel.closing { throw PyError(.generatorExit, "") }
        return .none
    }

    /// Closes generators that were dropped while suspended, so their threads end.
    func closeAbandonedGenerators() {
        while let channel = abandonedGenerators.popLast() {
            guard !channel.finished else { continue }
            channel.closing = true
            switchTo(channel) { channel.resumeBody.signal() }
        }
    }
}
