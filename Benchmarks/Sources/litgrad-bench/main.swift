import Foundation

// Prints one line per workload; `--quick` runs fewer iterations.
let quick = CommandLine.arguments.contains("--quick")
let scale = quick ? 10 : 1

do {
    // `--only NAME ITERATIONS`: run one workload without timing (for callgrind / perf).
    if let i = CommandLine.arguments.firstIndex(of: "--only"), CommandLine.arguments.count > i + 2,
       let iterations = Int(CommandLine.arguments[i + 2]) {
        let workloads: [String: () throws -> () throws -> Void] = [
            "scalar": Workloads.scalarChain, "scalar-ops": Workloads.scalarChainTensorOps,
            "mlp": Workloads.mlpStep, "conv": Workloads.convStep,
        ]
        guard let make = workloads[CommandLine.arguments[i + 1]] else { print("unknown workload"); exit(2) }
        let body = try make()
        for _ in 0..<iterations { try body() }
        exit(0)
    }
    if CommandLine.arguments.contains("--conv-parts") {
        for m in try Workloads.convParts() { print(m.formatted) }
        exit(0)
    }
    var results: [Measurement] = []
    results.append(try measure("scalar chain step", iterations: 200_000 / scale, try Workloads.scalarChain()))
    results.append(try measure("scalar chain (tensor ops)", iterations: 200_000 / scale, try Workloads.scalarChainTensorOps()))
    results.append(try measure("mlp 784-128-10 step (b64)", iterations: 200 / scale, try Workloads.mlpStep()))
    results.append(try measure("conv step (b32, 1x28x28)", iterations: 50 / scale, try Workloads.convStep()))
    let matmul = try measure("matmul 1024 (Tensor)", iterations: 10, try Workloads.matmul(1024))
    let raw = measure("matmul 1024 (cblas_sgemm)", iterations: 10, Workloads.rawSgemm(1024))
    results += [matmul, raw]
    for r in results { print(r.formatted) }
    let flops = 2.0 * 1024 * 1024 * 1024
    print(String(format: "matmul rate: %.1f GFLOP/s vs OpenBLAS %.1f GFLOP/s (%.0f%%)",
                 flops / matmul.secondsPerIteration / 1e9, flops / raw.secondsPerIteration / 1e9,
                 100 * raw.secondsPerIteration / matmul.secondsPerIteration))
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
