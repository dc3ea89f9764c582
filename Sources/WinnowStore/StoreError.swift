/// Errors of the archive index, each naming the file and what to do.
public enum StoreError: Error, CustomStringConvertible, Equatable {
    /// The index could not be opened or migrated.
    case cannotOpen(path: String, reason: String)
    /// Another run holds the index.
    case busy(path: String, holder: String)
    /// A read or write failed; the index is unchanged.
    case failed(path: String, reason: String)

    /// A message a user can act on.
    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "\(p): cannot open the archive index: \(r)"
        case .busy(let p, let h): return "\(p): the archive index is in use by another run (\(h)); wait for it or pass --wait-for-index"
        case .failed(let p, let r): return "\(p): archive index operation failed, nothing was changed: \(r)"
        }
    }
}
