// swift-tools-version:6.1
import PackageDescription

// Speed benchmarks for the Autograd engine, kept out of the main package so
// `swift build` / `swift test` never compile them. Run:
//   cd Benchmarks && swift run -c release litgrad-bench
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
    ],
    swiftLanguageModes: [.v5]
)
