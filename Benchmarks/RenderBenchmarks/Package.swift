// swift-tools-version:6.1
import PackageDescription

// Rendering benchmarks, in a package of their own so that neither Litgrad's
// build nor its tests ever build or time them. Run from this folder:
//   swift run -c release RenderBenchmarks
let package = Package(
    name: "LitgradRenderBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "Litgrad", path: "../..")],
    targets: [
        // libcmark itself, to time the baseline without any of Litgrad's code.
        .systemLibrary(name: "CmarkBaseline", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .executableTarget(
            name: "RenderBenchmarks",
            dependencies: ["CmarkBaseline", .product(name: "Notebook", package: "Litgrad"),
                           .product(name: "PyInterpreter", package: "Litgrad")]
        ),
    ],
    swiftLanguageModes: [.v5]
)
