import WinnowCore
import WinnowStore

extension ArchiveSession {
    /// Records a committed run's review queue (what `review export` lists). Written after the
    /// run's own transaction: a failure here leaves the run recorded, is reported, and ends the
    /// command with exit code 2.
    func recordReviewQueue(run: String, result: ScanEngine.Result) throws {
        do {
            try store.recordReviewQueue(run: run, analyses: result.analyses, decisions: result.decisions, revisions: result.revisions)
        } catch {
            Console.error("\(error) (run \(run) itself was recorded; review export will miss its queue)")
            throw WinnowExit.error
        }
    }
}
