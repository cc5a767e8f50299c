// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` / `swift test`
// of Litgrad never compile them and no test is timed. Run from this folder:
//   swift run -c release litgrad-bench       (engine workloads vs PyTorch)
//   swift run -c release KernelBenchmarks    (single kernels)
let package = Package(
    name: "LitgradBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Litgrad", path: "..")],
    targets: [
        .systemLibrary(name: "BenchBLAS", path: "Sources/BenchBLAS", pkgConfig: "openblas"),
        .executableTarget(
            name: "litgrad-bench",
            dependencies: [
                .product(name: "Autograd", package: "Litgrad"),
                .product(name: "NN", package: "Litgrad"),
                "BenchBLAS",
            ],
            path: "Sources/litgrad-bench"
        ),
        .executableTarget(
            name: "fidelity-mlp",
            dependencies: [.product(name: "Autograd", package: "Litgrad")],
            path: "Sources/fidelity-mlp"
        ),
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [.product(name: "Autograd", package: "Litgrad")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
