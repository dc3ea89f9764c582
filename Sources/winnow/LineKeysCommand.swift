import ArgumentParser
import Foundation
import WinnowCore
import WinnowIO

/// `winnow line-keys`: what each article adds to the line statistics, one JSON line per
/// article, so that a distributed run can count lines exactly (a story once per site across the
/// whole batch, not once per shard as summed `stats` files count it).
///
/// Each line: `line` (the article's origin line or record number), `id`, `site`, `language`,
/// `story`, `site_story` (the story combined with the site), `keys` (distinct line keys) and
/// `site_keys` (the same keys combined with the site); hashes as signed 64-bit integers.
/// The statistics are then: per site and per (site, language) the number of articles; per
/// site key the number of distinct stories holding it; per key the number of distinct
/// site stories holding it (`LineStatistics.Builder`).
struct LineKeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "line-keys",
        abstract: "Print each article's line keys as JSON Lines (exact line statistics in a distributed run)."
    )

    @Argument(help: "Inputs as `scan` reads them (- for standard input).")
    var inputs: [String] = []

    @Option(help: "The JSON Lines file to write (- for standard output).")
    var out = "-"

    @Flag(help: "Follow symbolic links in input folders wherever they point (default: links leaving a folder are skipped with a warning).")
    var followSymlinks = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input") }
    }

    func run() throws {
        try TextNormalizer.prepare()
        let read = StageInputs.read(inputs, quiet: quiet, followSymlinks: followSymlinks)
        let prepared = ScanEngine(rules: .empty).prepare(read.articles)
        var out = JSONBuffer(capacity: prepared.count * 1024)
        for p in prepared {
            let site = p.article.site
            out.raw("{\"line\":"); out.int(p.article.origin?.line ?? 0)
            out.raw(",\"id\":"); out.string(p.article.id)
            out.raw(",\"site\":"); out.string(site)
            out.raw(",\"language\":"); out.string(p.language)
            out.raw(",\"story\":"); out.int(ExchangeFormat.signed(p.story))
            out.raw(",\"site_story\":"); out.int(ExchangeFormat.signed(StableHash.combine(p.story, StableHash.fnv1a(site))))
            out.raw(",\"keys\":"); ExchangeFormat.writeHashes(p.lineKeys, into: &out)
            out.raw(",\"site_keys\":"); ExchangeFormat.writeHashes(p.siteLineKeys, into: &out)
            out.raw("}\n")
        }
        try StageInputs.write(out.bytes, to: self.out)
        if !quiet { Console.info("\(prepared.count) documents -> \(self.out)") }
        if read.hadProblems { throw WinnowExit.error }
    }
}
