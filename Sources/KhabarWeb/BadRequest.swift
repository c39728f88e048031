/// A request with a value the site cannot read (400), said in two languages: the JSON API answers
/// `message`, in English, as programs and the OpenAPI document read it (`before: expected a date
/// …`); the Arabic pages and the feeds give `arabic` (an HTML page in Arabic showed the English
/// developer text). Both name the parameter as it was sent, the Arabic in «», and the Arabic
/// sentence starts with an Arabic word so that it reads right to left where a page isolates it.
struct BadRequest: Error, CustomStringConvertible {
    /// `name: what was expected`, English: the API's `error`, and the names the page lists.
    var message: String
    /// The same in Arabic, for the HTML page.
    var arabic: String

    init(_ message: String, arabic: String) {
        self.message = message
        self.arabic = arabic
    }

    var description: String { message }
}
