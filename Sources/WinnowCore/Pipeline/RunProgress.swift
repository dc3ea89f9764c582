import Synchronization

/// Live counters of a long run: which stage it is in, how far that stage has got, how many input
/// bytes and articles have been read. The stages update them from any thread; a progress display
/// reads a `Snapshot` now and then. Counting only: nothing here prints.
public final class RunProgress: Sendable {
    /// The stages of a scan, in order.
    public enum Stage: Int, Sendable, CaseIterable {
        /// Reading and parsing the inputs.
        case read
        /// Normalizing and splitting articles into lines.
        case prepare
        /// Counting lines per site across the batch.
        case statistics
        /// Labelling lines, applying rules and fingerprinting.
        case analyze
        /// Candidate search, clusters and decisions.
        case decide
        /// Writing the reports.
        case write
        /// Recording the run in the archive.
        case archive

        /// The stage's name in messages.
        public var name: String { String(describing: self) }
    }

    /// What the counters held at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// The current stage.
        public var stage: Stage
        /// Items (articles) the stage has finished.
        public var done: Int
        /// Items the stage has in all (0 when not known, as while reading).
        public var total: Int
        /// Input bytes read so far.
        public var bytesRead: Int
        /// Articles read so far.
        public var articlesRead: Int
        /// Bytes of all inputs, when known before reading (files, not standard input).
        public var inputBytes: Int?
        /// Seconds since the current stage began.
        public var stageSeconds: Double
    }

    private let stage = Atomic<Int>(0)
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)
    private let bytes = Atomic<Int>(0)
    private let articles = Atomic<Int>(0)
    private let stageStarted = Mutex(ContinuousClock.now)
    /// Bytes of all inputs, when known before reading.
    public let inputBytes: Int?

    /// Counters for a run over `inputBytes` bytes of input (nil when not known).
    public init(inputBytes: Int?) {
        self.inputBytes = inputBytes
    }

    /// Starts `stage`, which has `total` items (0 when not known).
    public func enter(_ stage: Stage, total: Int = 0) {
        stageStarted.withLock { $0 = ContinuousClock.now }
        done.store(0, ordering: .relaxed)
        self.total.store(total, ordering: .relaxed)
        self.stage.store(stage.rawValue, ordering: .relaxed)
    }

    /// Counts `count` more items finished in the current stage.
    public func advance(by count: Int) {
        done.add(count, ordering: .relaxed)
    }

    /// Counts input bytes and articles read.
    public func read(bytes: Int, articles: Int) {
        if bytes != 0 { self.bytes.add(bytes, ordering: .relaxed) }
        if articles != 0 { self.articles.add(articles, ordering: .relaxed) }
    }

    /// The counters now.
    public var snapshot: Snapshot {
        Snapshot(stage: Stage(rawValue: stage.load(ordering: .relaxed)) ?? .read, done: done.load(ordering: .relaxed),
                 total: total.load(ordering: .relaxed), bytesRead: bytes.load(ordering: .relaxed),
                 articlesRead: articles.load(ordering: .relaxed), inputBytes: inputBytes,
                 stageSeconds: stageStarted.withLock { (ContinuousClock.now - $0).seconds })
    }
}
