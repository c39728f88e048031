import Foundation
import Testing

/// Shared by the test targets (a test target cannot import another): a test's scratch directory, made before the test and removed after it (each case of a
/// parameterized test has its own): the SQLite stores and files the helpers make go in it, so a
/// plain `swift test` leaves nothing behind in the temporary directory. Give it to every suite
/// that makes any (`@Suite(.scratch)`); a helper called outside one records an issue.
public struct Scratch: TestTrait, SuiteTrait, TestScoping {
    @TaskLocal public static var directory: URL?

    public var isRecursive: Bool { true }

    public init() {}

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("khabar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.$directory.withValue(dir, operation: function)
    }

    /// A new, empty directory inside the running test's scratch directory.
    public static func makeDirectory(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        let base = directory ?? {
            Issue.record("no scratch directory here: give the suite the .scratch trait", sourceLocation: sourceLocation)
            return FileManager.default.temporaryDirectory
        }()
        let dir = base.appendingPathComponent("khabar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

extension Trait where Self == Scratch {
    /// The test's own scratch directory, removed after it.
    public static var scratch: Self { Self() }
}
