// swift-tools-version:6.1
import PackageDescription

// Benchmarks live in their own package so that `swift build` of Litgrad never
// builds them and no test is timed. Run from this folder:
//   swift run -c release KernelBenchmarks
let package = Package(
    name: "LitgradBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Litgrad", path: "..")],
    targets: [
        .executableTarget(
            name: "KernelBenchmarks",
            dependencies: [.product(name: "Autograd", package: "Litgrad")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
