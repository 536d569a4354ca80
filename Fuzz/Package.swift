// swift-tools-version: 6.1
// libFuzzer harnesses for Kartotek's parsers. Not part of the product: build and run with Fuzz/run.sh, which builds
// with `--sanitize fuzzer --sanitize address` so the library modules are instrumented too (coverage-guided).
import Foundation
import PackageDescription

// The parent package's identity is its directory name (`main`, `kartotek`, …).
let parent = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let fuzz: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]
let link: [LinkerSetting] = [.unsafeFlags(["-use-ld=lld"])]

let package = Package(
    name: "KartotekFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzISO2709", dependencies: [.product(name: "MARC", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(
            name: "FuzzCharsets", dependencies: [.product(name: "MARC", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(
            name: "FuzzJSON", dependencies: [.product(name: "MARC", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(
            name: "FuzzLineFormat", dependencies: [.product(name: "MARC", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(
            name: "FuzzMARCXML", dependencies: [.product(name: "MARCXML", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(
            name: "FuzzCQL", dependencies: [.product(name: "SearchIndex", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
        .executableTarget(
            name: "FuzzIndexFile", dependencies: [.product(name: "SearchIndex", package: parent)],
            swiftSettings: fuzz, linkerSettings: link),
    ]
)
