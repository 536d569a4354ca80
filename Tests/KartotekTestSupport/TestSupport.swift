import Foundation
import MARC

/// Shared helpers for Kartotek tests: where the fixtures are.
public enum TestSupport {
    /// The package root (the directory holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `../shared/corpora` beside the package root, or `$KARTOTEK_CORPORA`.
    public static let corpora: URL = {
        if let env = ProcessInfo.processInfo.environment["KARTOTEK_CORPORA"] { return URL(fileURLWithPath: env) }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpora")
    }()

    /// The bundled `Corpus/` directory.
    public static var bundledCorpus: URL { packageRoot.appendingPathComponent("Corpus") }

    /// Paths of the files in a corpora subdirectory whose names end with one of `extensions` (all when empty), sorted.
    public static func files(in subdirectory: String, extensions: [String] = []) -> [String] {
        let dir = corpora.appendingPathComponent(subdirectory)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.sorted()
            .filter { name in extensions.isEmpty || extensions.contains(where: { name.hasSuffix($0) }) }
            .map { dir.appendingPathComponent($0).path }
    }

    /// The file's name without its directory.
    public static func name(_ path: String) -> String { URL(fileURLWithPath: path).lastPathComponent }

    /// The ISO 2709 files of `corpora/real`.
    public static var realISO2709Files: [String] { files(in: "real", extensions: [".mrc", ".marc"]) }

    /// A fresh temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kartotek-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// FNV-1a 64-bit over bytes, lowercase 16 hex digits.
    public static func fnv1a64<S: Sequence>(_ bytes: S) -> String where S.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
