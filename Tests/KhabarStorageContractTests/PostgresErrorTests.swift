import Foundation
import KhabarPostgres
import KhabarStorage
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

    /// An article whose savepoint rolls back takes the source row it created with it; the next
    /// article of that source in the same batch must not reuse the vanished id. (A batch holding
    /// a stored article takes the per-article path, not the bulk insert.)
    @Test func aRejectedArticleTakesItsNewSourceWithIt() async throws {
        guard let admin = Backend.postgresAdminURL else {
            print("skipping: KHABAR_TEST_POSTGRES_URL is not set")
            return
        }
        let store = try await PostgresTestDatabase.fresh(adminURL: admin)
        _ = try await store.upsert([draft("old", source: "مصدر قديم")])
        try await store.execute(unsafeSQL: """
            CREATE FUNCTION refuse_one() RETURNS trigger AS $$
            BEGIN IF NEW.title = 'مرفوض' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END
            $$ LANGUAGE plpgsql
            """)
        try await store.execute(unsafeSQL: """
            CREATE TRIGGER refuse_one BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION refuse_one()
            """)
        let outcomes = try await store.upsert([
            draft("old", source: "مصدر قديم"),
            draft("a", title: "مرفوض", source: "مصدر جديد"),
            draft("b", title: "مقبول", source: "مصدر جديد"),
        ])
        await store.shutdown()
        guard case .unchanged = outcomes[0], case .rejected(let reason) = outcomes[1], case .inserted = outcomes[2] else {
            Issue.record("\(outcomes)")
            return
        }
        #expect(reason.contains("refused by the test"))
    }
}
