import Foundation
import KhabarPostgres
import Logging
import Testing

@Suite struct PostgresErrorTests {
    @Test func anUnreachableServerIsNamedWithoutItsPassword() async throws {
        // Nothing listens on port 1 of loopback.
        let url = "postgres://khabar:topsecret@127.0.0.1:1/khabar"
        do {
            _ = try await PostgresStore(url: url, logger: Logger(label: "test"))
            Issue.record("expected a connection error")
        } catch {
            let text = "\(error)"
            #expect(text.contains("127.0.0.1:1"))
            #expect(text.contains("cannot reach PostgreSQL"))
            #expect(!text.contains("topsecret"))
        }
    }

    @Test(arguments: ["mysql://x@h/db", "postgres:///nohost", "postgres://h/db?sslmode=weird"])
    func badURLsAreRejectedClearly(url: String) async throws {
        await #expect(throws: PostgresStoreError.self) {
            _ = try await PostgresStore(url: url, logger: Logger(label: "test"))
        }
    }

    @Test func aSchemaFromANewerKhabarIsRefused() async throws {
        guard let admin = Backend.postgresAdminURL else {
            print("skipping: KHABAR_TEST_POSTGRES_URL is not set")
            return
        }
        let store = try await PostgresTestDatabase.fresh(adminURL: admin)
        try await store.execute(unsafeSQL: "INSERT INTO khabar_migrations (identifier) VALUES ('v99: from the future')")
        let url = store.location
        await store.shutdown()
        do {
            _ = try await PostgresStore(url: url.replacingOccurrences(of: "***", with: "khabar"), logger: Logger(label: "test"))
            Issue.record("expected the newer schema to be refused")
        } catch {
            #expect("\(error)".contains("newer khabar"))
        }
    }
}
