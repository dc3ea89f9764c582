// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Winnow",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "winnow", targets: ["winnow"]),
        .library(name: "WinnowCore", targets: ["WinnowCore"]),
        .library(name: "WinnowIO", targets: ["WinnowIO"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // All calls into system ICU live here; the public header uses plain C types only.
        .target(
            name: "CWinnowICU",
            linkerSettings: [.linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata")]
        ),
        // All calls into system zlib (gzip members, WARC record payloads).
        .target(name: "CWinnowZlib", linkerSettings: [.linkedLibrary("z")]),
        // All calls into libxml2's HTML parser: a page becomes lines with markup evidence.
        .target(
            name: "CWinnowHTML",
            cSettings: [.unsafeFlags(["-I/usr/include/libxml2"])],
            linkerSettings: [.linkedLibrary("xml2")]
        ),
        // The core: model, normalization, features, SimHash, index, clustering, rules, decisions. No I/O.
        .target(name: "WinnowCore", dependencies: ["CWinnowICU"]),
        // Readers, rule-file loading and report writers.
        .target(name: "WinnowIO", dependencies: ["WinnowCore", "CWinnowZlib", "CWinnowHTML", "CWinnowICU", .product(name: "Yams", package: "Yams")]),
        // The archive: a SQLite index of accepted articles across runs (GRDB).
        .target(name: "WinnowStore", dependencies: ["WinnowCore", .product(name: "GRDB", package: "GRDB.swift")]),
        .executableTarget(
            name: "winnow",
            dependencies: ["WinnowCore", "WinnowIO", "WinnowStore", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Benchmarks of the hot kernels and the whole scan; run with `swift run -c release winnow-bench`.
        .executableTarget(name: "winnow-bench", dependencies: ["WinnowCore", "WinnowIO", "WinnowStore"], path: "Sources/WinnowBench"),
        // One scratch folder per test process, removed at exit.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "WinnowCoreTests", dependencies: ["WinnowCore"]),
        .testTarget(name: "WinnowIOTests", dependencies: ["WinnowIO", "WinnowCore", "TestScratch"]),
        .testTarget(name: "WinnowStoreTests", dependencies: ["WinnowStore", "WinnowCore", "TestScratch", .product(name: "GRDB", package: "GRDB.swift")]),
        // Runs the built `winnow` binary: exit codes, crash safety of the archive. GRDB forges
        // damaged and newer-schema archives for the bad-input matrix.
        .testTarget(name: "WinnowCLITests", dependencies: ["winnow", "TestScratch", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)

// Fuzz targets (Fuzz/, run with scripts/fuzz.sh): declared only when WINNOW_FUZZ is set, so the
// regular `swift build` and `swift test` never see, build or link them.
if Context.environment["WINNOW_FUZZ"] != nil {
    package.targets.append(.target(name: "CFuzzDriver", path: "Fuzz/Sources/CFuzzDriver"))
    package.targets.append(.target(name: "FuzzSupport", dependencies: ["CFuzzDriver", "WinnowCore", "WinnowIO"], path: "Fuzz/Sources/FuzzSupport"))
    for name in ["jsonl", "warc", "html", "rules", "analyze"] {
        package.targets.append(.executableTarget(name: "fuzz-\(name)", dependencies: ["FuzzSupport", "WinnowCore", "WinnowIO"],
                                                 path: "Fuzz/Sources/fuzz-\(name)"))
    }
}
