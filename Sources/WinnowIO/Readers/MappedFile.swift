import Foundation

/// A regular file mapped read-only and handed out as `Data` without a copy, whose pages already
/// read can be given back (`release`): reading a JSONL file larger than memory then keeps the
/// process's resident set to the part being parsed, not the whole file (a mapped page read once
/// stays resident, and counted, until the mapping goes).
final class MappedFile: @unchecked Sendable {
    /// The file's bytes (unmapped when the last copy of it goes).
    let data: Data
    private let base: UnsafeMutableRawPointer
    private let count: Int

    /// Maps `path`, or nil when it is no regular non-empty file or cannot be mapped (the caller
    /// reads it another way and reports what is wrong).
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let count = Int(info.st_size)
        guard let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, fd, 0), mapped != MAP_FAILED else { return nil }
        base = mapped
        self.count = count
        data = Data(bytesNoCopy: mapped, count: count, deallocator: .custom { pointer, length in munmap(pointer, length) })
    }

    /// Gives back the pages wholly inside `range` of the file: read again from the file should
    /// anything touch them later.
    func release(_ range: Range<Int>) {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (max(0, range.lowerBound) + page - 1) / page * page, end = min(count, range.upperBound) / page * page
        guard end > start else { return }
        _ = madvise(base + start, end - start, MADV_DONTNEED)
    }
}
