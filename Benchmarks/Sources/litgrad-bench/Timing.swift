import Foundation

/// Wall-clock timing: warm up, then report the best of several runs of `iterations` calls.
struct Measurement {
    let name: String
    let secondsPerIteration: Double

    var formatted: String {
        let us = secondsPerIteration * 1e6
        let label = name.padding(toLength: 30, withPad: " ", startingAt: 0)
        return label + (us < 1000 ? String(format: "%10.2f µs/iter", us) : String(format: "%10.3f ms/iter", us / 1000))
    }
}

func measure(_ name: String, iterations: Int, repeats: Int = 5, _ body: () throws -> Void) rethrows -> Measurement {
    for _ in 0..<max(1, iterations / 10) { try body() }
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<iterations { try body() }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        best = min(best, elapsed / Double(iterations))
    }
    return Measurement(name: name, secondsPerIteration: best)
}
