// swift-tools-version:6.1
import PackageDescription

// Module layout and import direction: see DESIGN.md §3. Stage modules (Arabic, …) never
// import each other; only the pipeline and the executable wire them together.
let package = Package(
    name: "khabar",
    // Hummingbird 2 APIs are @available(macOS 14, *); this only matters for developers on macOS.
    platforms: [.macOS(.v14)],
    products: [.executable(name: "khabar", targets: ["khabar"])],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
    ],
    targets: [
        // zlib for reading .jsonl.gz streams (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        .target(name: "KhabarModel"),
        .target(name: "KhabarArabic"),
        .target(name: "KhabarStorage", dependencies: ["KhabarModel"]),
        .target(name: "KhabarSQLite", dependencies: [
            "KhabarStorage", "KhabarModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KhabarPostgres", dependencies: [
            "KhabarStorage", "KhabarModel",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "KhabarPipeline", dependencies: [
            "KhabarModel", "KhabarStorage", "KhabarArabic", "CZlib",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "KhabarWeb", dependencies: [
            "KhabarModel", "KhabarStorage", "KhabarArabic",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "khabar", dependencies: [
            "KhabarModel", "KhabarArabic", "KhabarStorage", "KhabarSQLite", "KhabarPostgres", "KhabarPipeline", "KhabarWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),

        .testTarget(name: "KhabarArabicTests", dependencies: ["KhabarArabic"], exclude: ["Golden"]),
        .testTarget(name: "KhabarSQLiteTests", dependencies: ["KhabarSQLite", "KhabarStorage", "KhabarModel"]),
        .testTarget(name: "KhabarStorageContractTests", dependencies: [
            "KhabarSQLite", "KhabarPostgres", "KhabarStorage", "KhabarModel",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "KhabarPipelineTests", dependencies: [
            "KhabarPipeline", "KhabarSQLite", "KhabarStorage", "KhabarModel",
        ]),
        .testTarget(name: "KhabarWebTests", dependencies: [
            "KhabarWeb", "KhabarSQLite", "KhabarStorage", "KhabarModel", "KhabarArabic", "KhabarPipeline",
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
    ]
)
