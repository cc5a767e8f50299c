import ArgumentParser
import Notebook

/// `--limit NAME=VALUE`: a cell limit for every notebook of the run (a
/// notebook's front matter `limits:` wins), e.g. `--limit max_tensor_bytes=1000000`.
struct LimitArgument: ExpressibleByArgument {
    let name: String
    let value: Int

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, LimitOverrides.names.contains(parts[0]),
              let value = Int(parts[1].replacingOccurrences(of: "_", with: "")), value > 0 else { return nil }
        name = parts[0]
        self.value = value
    }

    static var help: ArgumentHelp {
        ArgumentHelp("A cell limit, NAME=VALUE (repeatable; front matter wins). Names: \(LimitOverrides.names.joined(separator: ", ")).",
                     valueName: "name=value")
    }

    static func overrides(_ arguments: [LimitArgument]) -> LimitOverrides {
        var overrides = LimitOverrides()
        for argument in arguments { overrides.set(argument.name, argument.value) }
        return overrides
    }
}

/// `--timeout` and `--limit`: the cell limits every command that runs
/// notebooks accepts (run, check, render, serve).
struct CellLimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Seconds each cell may run (cell and front matter settings win).", valueName: "seconds"))
    var timeout: Double?

    @Option(name: .customLong("limit"), help: LimitArgument.help)
    var limits: [LimitArgument] = []

    func validate() throws {
        if let timeout, !(timeout.isFinite && timeout > 0) {
            throw ValidationError("--timeout expects a positive number of seconds, got \(timeout).")
        }
    }

    /// The `--limit` settings, by name.
    var overrides: LimitOverrides { LimitArgument.overrides(limits) }
}
