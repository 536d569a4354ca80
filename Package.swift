// swift-tools-version: 6.1
// Kartotek: a bibliographic record engine for Danish libraries.
// No Swift package dependencies: the toolchain plus the system libraries libxml2 and ICU.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableExperimentalFeature("Lifetimes"),
]

let package = Package(
    name: "Kartotek",
    products: [
        .library(name: "MARC", targets: ["MARC"]),
        .library(name: "MARCXML", targets: ["MARCXML"]),
        .library(name: "TextAnalysis", targets: ["TextAnalysis"]),
        .library(name: "SearchIndex", targets: ["SearchIndex"]),
        .library(name: "Catalog", targets: ["Catalog"]),
        .executable(name: "kartotek", targets: ["kartotek"]),
        .executable(name: "kartotek-bench", targets: ["kartotek-bench"]),
    ],
    targets: [
        // C libraries.
        .systemLibrary(
            name: "CLibXML2", pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]),
        .systemLibrary(
            name: "CICU", pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev"]), .brew(["icu4c"])]),
        .target(name: "CICUShim", dependencies: ["CICU"]),
        // Posting-block kernels (bit unpacking), in C for per-width unrolling.
        .target(name: "CPostingCodec"),

        // Model and formats: pure Swift.
        .target(name: "MARC", swiftSettings: strict),
        .target(name: "MARCXML", dependencies: ["MARC", "CLibXML2"], swiftSettings: strict),
        // Danish-aware analysis (ICU behind CICUShim).
        .target(name: "TextAnalysis", dependencies: ["MARC", "CICUShim"], swiftSettings: strict),
        .target(name: "SearchIndex", dependencies: ["MARC", "TextAnalysis", "CPostingCodec"], swiftSettings: strict),
        .target(
            name: "Catalog", dependencies: ["MARC", "MARCXML", "TextAnalysis", "SearchIndex"],
            swiftSettings: strict),
        .executableTarget(
            name: "kartotek", dependencies: ["MARC", "MARCXML", "TextAnalysis", "SearchIndex", "Catalog"],
            swiftSettings: strict),
        .executableTarget(
            name: "kartotek-bench",
            dependencies: ["MARC", "MARCXML", "TextAnalysis", "SearchIndex", "Catalog"],
            path: "Benchmarks/Harness", swiftSettings: strict),

        // Tests.
        .target(name: "KartotekTestSupport", dependencies: ["MARC"], path: "Tests/KartotekTestSupport", swiftSettings: strict),
        .testTarget(
            name: "MARCTests", dependencies: ["MARC", "KartotekTestSupport"],
            exclude: ["Golden"],  // peer-derived TSVs read by path (Tests/Scripts/README.md)
            swiftSettings: strict),
        .testTarget(
            name: "MARCXMLTests", dependencies: ["MARC", "MARCXML", "KartotekTestSupport"], exclude: ["Golden"],
            swiftSettings: strict),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis", "KartotekTestSupport"], swiftSettings: strict),
        .testTarget(
            name: "SearchIndexTests", dependencies: ["SearchIndex", "TextAnalysis", "MARC", "KartotekTestSupport"],
            swiftSettings: strict),
        .testTarget(
            name: "CatalogTests", dependencies: ["Catalog", "SearchIndex", "MARC", "MARCXML", "KartotekTestSupport"],
            swiftSettings: strict),
        .testTarget(name: "KartotekCLITests", dependencies: ["KartotekTestSupport"], swiftSettings: strict),
    ]
)
