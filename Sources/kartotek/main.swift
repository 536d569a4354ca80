#if canImport(Glibc)
import Glibc
#endif
import MARC

/// The thin CLI: each command parses its options and calls the library.
let usage = """
    usage: kartotek <command> [options]

    commands:
      convert   convert records between ISO 2709, MARCXML, line format, MARC-in-JSON and text
      lint      report problems in records
      index     build a search index
      search    search an index (CQL)
      show      show one record as an agency sees it
      merge     merge an enrichment record onto a common record
      match     find existing titles for incoming records (acquisitions)
      demo      index the bundled Corpus and run a few Danish searches

    Run `kartotek <command> --help` for the command's options.
    """

signal(SIGPIPE, SIG_IGN)
var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else {
    printError(usage)
    exit(2)
}
arguments.removeFirst()

let commands: [String: (usage: String, run: ([String]) throws(CLIError) -> Int32)] = [
    "convert": (ConvertCommand.usage, ConvertCommand.run),
    "lint": (LintCommand.usage, LintCommand.run),
    "index": (IndexCommand.usage, IndexCommand.run),
    "search": (SearchCommand.usage, SearchCommand.run),
    "show": (ShowCommand.usage, ShowCommand.run),
    "merge": (MergeCommand.usage, MergeCommand.run),
    "match": (MatchCommand.usage, MatchCommand.run),
    "demo": (DemoCommand.usage, DemoCommand.run),
]

if command == "--help" || command == "-h" || command == "help" {
    print(usage)
    exit(0)
}
guard let entry = commands[command] else {
    printError("kartotek: unknown command '\(command)'\n\n\(usage)")
    exit(2)
}
if arguments.contains("--help") || arguments.contains("-h") {
    print(entry.usage)
    exit(0)
}
do {
    exit(try entry.run(arguments))
} catch {
    switch error {
    case .usage(let u):
        printError("kartotek \(command): \(u.message)\n\(entry.usage)")
        exit(2)
    case .input(let e):
        printError("kartotek: \(e)")
        exit(1)
    }
}
