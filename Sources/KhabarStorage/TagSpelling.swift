/// SQL both backends use for a tag's name, which its articles' spellings decide: each article
/// keeps the name it gives the tag (`article_tags.name`; rows stored before have none and count as
/// the tag's name), and the tag's row the name most of its articles give.
public enum TagSpelling {
    /// The name most of a tag's articles give it, most recently used first among equals, then by
    /// name (`TagStore.tagSpellings`' order), as an expression for an UPDATE of `tags`.
    public static let majorityName = """
        coalesce((SELECT coalesce(at.name, tags.name) AS spelled FROM article_tags at WHERE at.slug = tags.slug
                  GROUP BY spelled ORDER BY count(*) DESC, max(at.published) DESC, spelled LIMIT 1), tags.name)
        """
}
