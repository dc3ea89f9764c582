/// The language of `report.html`'s interface (the crawled text is shown as it is).
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Simplified Chinese.
    case zh
    /// English.
    case en

    /// The language a locale environment asks for: the first set of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` (POSIX precedence); `zh…` gives Chinese, anything else (or nothing) English.
    public static func fromEnvironment(_ environment: [String: String]) -> ReportLanguage {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[key], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("zh") ? .zh : .en
        }
        return .en
    }

    /// The BCP 47 tag for `<html lang>` and the page's number and date formats.
    public var tag: String { self == .zh ? "zh-CN" : "en" }
}
