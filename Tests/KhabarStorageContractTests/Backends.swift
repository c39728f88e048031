import Foundation
import KhabarModel
import KhabarPostgres
import KhabarSQLite
import KhabarStorage
import Logging
import Testing
import KhabarTestSupport

/// The backends every contract test runs against. PostgreSQL runs when `KHABAR_TEST_POSTGRES_URL`
/// points at a server where the user may create databases (scripts/test starts one); otherwise its
/// cases skip with a message.
enum Backend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    static var postgresAdminURL: String? {
        ProcessInfo.processInfo.environment["KHABAR_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A fresh, empty store; nil (with a printed reason) when the backend is not available here.
    func makeStore() async throws -> (any KhabarStore)? {
        switch self {
        case .sqlite:
            let dir = try Scratch.makeDirectory()
            return try SQLiteStore(path: dir.appendingPathComponent("k.sqlite").path)
        case .postgres:
            guard let url = try await PostgresTestDatabase.freshURLOrSkip() else { return nil }
            return try await PostgresStore(url: url, logger: Logger(label: "test"), maxConnections: 4)
        }
    }
}

/// Creates a throwaway database per test on the test server.
enum PostgresTestDatabase {
    static func fresh(adminURL: String) async throws -> PostgresStore {
        try await PostgresStore(url: try await freshURL(adminURL: adminURL), logger: Logger(label: "test"), maxConnections: 4)
    }

    /// The URL of a new, empty database on the test server; nil (with a printed reason) when no
    /// test server is set.
    static func freshURLOrSkip() async throws -> String? {
        guard let admin = Backend.postgresAdminURL else {
            print("skipping PostgreSQL case: KHABAR_TEST_POSTGRES_URL is not set (scripts/test sets it)")
            return nil
        }
        return try await freshURL(adminURL: admin)
    }

    /// The URL of a new, empty database on the test server.
    static func freshURL(adminURL: String) async throws -> String {
        let name = "khabar_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try await PostgresStore(url: adminURL, logger: Logger(label: "test"), migrate: false, maxConnections: 1)
        try await admin.execute(unsafeSQL: "CREATE DATABASE \(name)")
        await admin.shutdown()
        var parts = URLComponents(string: adminURL)!
        parts.path = "/" + name
        return parts.string!
    }
}
