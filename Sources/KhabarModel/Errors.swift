/// Errors that name the input they are about, so a user can find and fix it.
public enum KhabarError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A problem with one line of an input file: `FILE:LINE: reason`.
    case badLine(file: String, line: Int, reason: String)
    /// A field of a record is missing or malformed.
    case badField(field: String, reason: String)
    /// A file could not be opened or read.
    case unreadable(path: String, reason: String)
    /// The database could not be opened or used.
    case database(String)
    /// A URL that cannot be used.
    case badURL(String)

    public var description: String {
        switch self {
        case let .badLine(file, line, reason): "\(file):\(line): \(reason)"
        case let .badField(field, reason): "field \"\(field)\": \(reason)"
        case let .unreadable(path, reason): "\(path): \(reason)"
        case let .database(message): "database: \(message)"
        case let .badURL(url): "bad URL: \(url)"
        }
    }
}
