/// SQL both backends use for a tag's name, which its articles' spellings decide: each article
/// keeps the name it gives the tag (`article_tags.name`; rows stored before have none and count as
/// the tag's name), and the tag's row the name most of its articles give.
public enum TagSpelling {
    /// A row `at` of `article_tags` as its article spells the tag (`spelled`), `tagName` being the
    /// tag's own name (for rows stored before articles kept their spelling).
    public static func spelled(tagName: String) -> String { "coalesce(at.name, \(tagName)) AS spelled" }

    /// Groups rows by `spelled`, most used first, most recently used first among equals, then by
    /// name (`TagStore.tagSpellings`' order: its first is the tag's name).
    public static let mostUsedFirst = "GROUP BY spelled ORDER BY count(*) DESC, max(at.published) DESC, spelled"

    /// The name most of a tag's articles give it, as an expression for an UPDATE of `tags`.
    public static let majorityName = """
        coalesce((SELECT \(spelled(tagName: "tags.name")) FROM article_tags at WHERE at.slug = tags.slug
                  \(mostUsedFirst) LIMIT 1), tags.name)
        """
}
