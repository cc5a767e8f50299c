// swift-tools-version:6.1
import Foundation
import PackageDescription

// Layers, each depending only on those above it:
//   CCmark, COpenBLAS, CGraphviz (system libraries), CEngineSupport (a C thread-local, heap settings)
//   Autograd  -> NN -> PyInterpreter -> Notebook -> litgrad
// Release builds of the hot targets skip the runtime's dynamic exclusivity
// checks (class properties, globals, escaping captures): they cost about 8 %
// of the cell-language training loop. Debug builds (and so the tests) keep
// them, and the compiler's static checks stay on everywhere.
//
// On an x86-64 host with AVX2 and FMA (Haswell and later, every AMD Zen)
// the numeric targets are compiled for that CPU, so a fused multiply-add is
// one instruction instead of a libm call, and `LITGRAD_FMA` lets the kernels
// use it directly. Results are the same bits either way (fused means one
// rounding on both paths). The binary then needs such a CPU, like
// `-march=native`; LITGRAD_PORTABLE=1 in the environment builds without it.
let hostHasFMA: Bool = {
    #if os(Linux) && arch(x86_64)
    if ProcessInfo.processInfo.environment["LITGRAD_PORTABLE"] == "1" { return false }
    guard let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
          let flagsLine = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
    let flags = Set(flagsLine.split(separator: " ").map(String.init))
    return ["avx", "avx2", "fma", "bmi1", "bmi2", "f16c", "movbe", "abm", "popcnt"].allSatisfy(flags.contains)
    #else
    return false
    #endif
}()

let releaseSpeed: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
] + (hostHasFMA ? [.unsafeFlags(["-target-cpu", "haswell"]), .define("LITGRAD_FMA")] : [])

let package = Package(
    name: "Litgrad",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "litgrad", targets: ["litgrad"]),
        .library(name: "Autograd", targets: ["Autograd"]),
        .library(name: "NN", targets: ["NN"]),
        .library(name: "PyInterpreter", targets: ["PyInterpreter"]),
        .library(name: "Notebook", targets: ["Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(name: "CEngineSupport"),
        .target(name: "Autograd", dependencies: ["COpenBLAS", "CEngineSupport"], swiftSettings: releaseSpeed),
        .target(name: "NN", dependencies: ["Autograd"], swiftSettings: releaseSpeed),
        .target(
            name: "PyInterpreter",
            dependencies: ["Autograd", "NN", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: releaseSpeed
        ),
        .target(
            name: "Notebook",
            dependencies: [
                "PyInterpreter", "CCmark", "CGraphviz", .product(name: "Yams", package: "Yams"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "litgrad",
            dependencies: [
                "Notebook", "Autograd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "AutogradTests", dependencies: ["Autograd"], exclude: ["Random/Fixtures", "Printing/Fixtures", "Kernels/Fixtures", "Ops/Fixtures"]),
        .testTarget(name: "NNTests", dependencies: ["NN"], exclude: ["FixtureScripts"]),
        .testTarget(name: "PyInterpreterTests", dependencies: ["PyInterpreter"], exclude: ["PyLib/Fixtures", "Torch/Fixtures", "Numpy/Fixtures"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook"]),
        .testTarget(name: "BrowserTests", dependencies: ["Notebook"]),
        .testTarget(
            name: "GoldenTests",
            dependencies: ["Notebook"],
            resources: [.copy("Notebooks")]
        ),
    ],
    // Swift 5 mode: the engine keeps process-wide state (grad mode, the RNG)
    // that a single-threaded interpreter session owns; strict-concurrency
    // checking would only add ceremony there.
    swiftLanguageModes: [.v5]
)
