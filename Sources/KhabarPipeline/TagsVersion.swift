import KhabarStorage
import KhabarTagging

/// Which tagging rules and gazetteer data the stored tags come from. An upgrade that tags
/// differently, or an edited local gazetteer, leaves old articles with the old tags: tag pages
/// then miss them without any error. The stamp (`Tagger.rulesVersion` and
/// `Gazetteer.standardDigest`) is recorded in the settings when every article has been tagged, and
/// whoever opens a database tagged otherwise is told to run `khabar reprocess --stage tags`.
public enum TagsVersion {
    public static let key = "tags.version"

    /// The running khabar's stamp: "rules version/gazetteer digest".
    public static var current: String { "\(Tagger.rulesVersion)/\(Gazetteer.standardDigest)" }

    public enum Status: Sendable, Equatable {
        case current
        /// Stored tags come from other rules or data (nil: before stamps were recorded).
        case stale(stored: String?)
    }

    /// The database's status; an empty database adopts the running stamp.
    public static func check(_ store: any KhabarStore) async throws -> Status {
        if let stored = try await store.setting(key) {
            return stored == current ? .current : .stale(stored: stored)
        }
        if try await store.articleCount() == 0 {
            _ = try await store.setSettingOnce(key, value: current)
            return .current
        }
        return .stale(stored: nil)
    }

    /// Records that every stored article has just been tagged by the running tagger.
    public static func markCurrent(_ store: any KhabarStore) async throws {
        try await store.setSetting(key, value: current)
    }

    /// What to tell the operator about a stale database.
    public static func advice(_ stored: String?) -> String {
        let rules = Tagger.rulesVersion
        var why = "stored tags were made before tagging versions were recorded"
        if let stored {
            let parts = stored.split(separator: "/", maxSplits: 1).map(String.init)
            if parts.first != String(rules) {
                why = "stored tags were made by tagging rules version \(parts.first ?? "?"), this khabar uses \(rules)"
            } else {
                why = "stored tags were made from other gazetteer data (a built-in or $KHABAR_GAZETTEER change)"
            }
        }
        // (stories group articles by the entities of their tags, and by their kinds since
        // signature format 3: regrouping follows re-tagging)
        return why + ": run `khabar reprocess --stage tags` so tag pages hold every article, then `khabar reprocess --stage stories` to regroup the stored stories by the new tags"
    }
}
