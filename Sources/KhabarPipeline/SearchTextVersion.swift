import KhabarArabic
import KhabarStorage

/// Which analyzer the stored search text comes from. A new analyzer that splits or stems words
/// differently leaves old articles indexed the old way: queries, read the new way, then miss them
/// without any error. The version is recorded in the settings, and whoever opens a database with
/// older text is told to run `khabar reprocess --stage analyze`.
public enum SearchTextVersion {
    public static let key = "analyzer.version"

    public enum Status: Sendable, Equatable {
        case current
        /// Stored articles were analyzed by this older version (0: before versions were recorded).
        case stale(stored: Int)
    }

    /// The database's status; an empty database adopts the running analyzer's version.
    public static func check(_ store: any KhabarStore) async throws -> Status {
        if let raw = try await store.setting(key) {
            let stored = Int(raw) ?? 0
            return stored >= Analyzer.version ? .current : .stale(stored: stored)
        }
        if try await store.articleCount() == 0 {
            _ = try await store.setSettingOnce(key, value: String(Analyzer.version))
            return .current
        }
        return .stale(stored: 0)
    }

    /// Records that every stored article has just been analyzed by the running analyzer.
    public static func markCurrent(_ store: any KhabarStore) async throws {
        try await store.setSetting(key, value: String(Analyzer.version))
    }

    /// What to tell the operator about a stale database.
    public static func advice(_ stored: Int) -> String {
        "stored articles were analyzed by analyzer version \(stored == 0 ? "1" : String(stored)), this khabar uses "
            + "\(Analyzer.version): run `khabar reprocess --stage analyze` so search finds them as new queries are read"
    }
}
