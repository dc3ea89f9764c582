import ArgumentParser
import WinnowCore

/// Options tuning candidate search and pair verification, shared by the commands that decide
/// (`scan`, `check`, `decide`, `verify`, `resolve`), validated before they run.
struct MatchOptions: ParsableArguments {
    @Option(help: "SimHash Hamming distance searched for near-duplicates (0-16).")
    var simhashDistance = MatchSettings().simhashDistance

    @Option(help: "Jaccard similarity (0-1) a near-duplicate must reach when verified.")
    var jaccard = MatchSettings().nearDuplicateJaccard

    @Option(help: "Share (0-1) of a shorter document that must be contained in a longer one to be its partial copy or excerpt.")
    var containment = MatchSettings().containment

    func validate() throws {
        guard (0...16).contains(simhashDistance) else { throw ValidationError("--simhash-distance must be 0...16") }
        guard (0...1).contains(jaccard), (0...1).contains(containment) else {
            throw ValidationError("--jaccard and --containment must be between 0 and 1")
        }
    }

    /// The settings.
    var settings: MatchSettings {
        var match = MatchSettings()
        match.simhashDistance = simhashDistance
        match.nearDuplicateJaccard = jaccard
        match.containment = containment
        return match
    }
}
