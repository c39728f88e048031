// A word with a proclitic written onto it: what an exclusion in a search removes besides the word.

extension Analyzer {
    /// The proclitics Arabic writes onto a noun: the conjunctions و and ف, the prepositions ب, ل
    /// and ك, and a conjunction before a preposition (وبروسيا، فلروسيا). The article ال is not
    /// among them: a word with ال is another exact form (الحكومة is no clitic of حكومة).
    static let proclitics = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"]

    /// The normalized word `word` with each proclitic written onto it (روسيا: وروسيا، بروسيا،
    /// لروسيا، وبروسيا …), ل before the article written as Arabic writes it (ل + الحكومه →
    /// للحكومه). Empty for a word that is not all Arabic letters (a Latin name or a number is
    /// written apart: the tokenizer splits لـCNN already).
    ///
    /// The stemmer takes off و and the forms of ال with a preposition (وروسيا، بالحكومه), not a
    /// lone ب, ل or ك (بروسيا stays بروسيا: stripping them would fold too many words that begin
    /// with those letters), so a word's stem does not reach these forms. Search reads them only
    /// where a form too many costs nothing a reader wants (an exclusion: `-روسيا`).
    public func procliticForms(of word: String) -> [String] {
        guard !word.isEmpty, word.unicodeScalars.allSatisfy({ (0x0621...0x064A).contains($0.value) }) else { return [] }
        let article = word.hasPrefix("ال")
        return Self.proclitics.map { clitic in
            clitic.hasSuffix("ل") && article ? clitic + word.dropFirst() : clitic + word
        }
    }
}
