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
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // zlib for reading .jsonl.gz streams and gzip-compressing answers (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // libxml2's HTML and XML parsers (Debian: libxml2-dev); the shim hides its ICU (stack notes P1).
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        .target(name: "KhabarModel"),
        .target(name: "KhabarArabic"),
        .target(name: "KhabarTagging", dependencies: ["KhabarArabic"]),
        .target(name: "KhabarStories", dependencies: ["KhabarArabic"]),
        .target(name: "KhabarStorage", dependencies: ["KhabarModel", "KhabarArabic"]),
        .target(name: "KhabarFeeds", dependencies: [
            "CLibXML2",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .target(name: "KhabarExtraction", dependencies: ["CLibXML2"]),
        .target(name: "KhabarSQLite", dependencies: [
            "KhabarStorage", "KhabarModel",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .target(name: "KhabarPostgres", dependencies: [
            "KhabarStorage", "KhabarModel",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "KhabarPipeline", dependencies: [
            "KhabarModel", "KhabarStorage", "KhabarArabic", "KhabarFeeds", "KhabarExtraction", "KhabarTagging", "KhabarStories", "CZlib",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
        ]),
        .target(name: "KhabarWeb", dependencies: [
            "KhabarModel", "KhabarStorage", "KhabarArabic", "KhabarTagging", "KhabarStories", "CZlib",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOCore", package: "swift-nio"),
            // the request's HTTP version, which Hummingbird's request type drops (HTTP1Connection.swift)
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        .executableTarget(name: "khabar", dependencies: [
            "KhabarModel", "KhabarArabic", "KhabarStorage", "KhabarSQLite", "KhabarPostgres", "KhabarPipeline", "KhabarWeb",
            "KhabarFeeds", "KhabarExtraction", "KhabarTagging", "KhabarStories",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "CoreMetrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        // one pass of analysis + tagging for callgrind (scripts/bench tags-instructions)
        .executableTarget(name: "khabar-tagcost", dependencies: ["KhabarArabic", "KhabarTagging"]),

        // what several test targets share (a test target cannot import another)
        .target(name: "KhabarTestSupport"),

        .testTarget(name: "KhabarArabicTests", dependencies: ["KhabarArabic"], exclude: ["Golden"]),
        .testTarget(name: "KhabarTaggingTests", dependencies: ["KhabarTagging", "KhabarArabic"], exclude: ["Golden"]),
        .testTarget(name: "KhabarStoriesTests", dependencies: ["KhabarStories", "KhabarTagging", "KhabarArabic", "KhabarPipeline"]),
        .testTarget(name: "KhabarFeedsTests", dependencies: ["KhabarFeeds"], exclude: ["Fixtures"]),
        .testTarget(name: "KhabarExtractionTests", dependencies: ["KhabarExtraction"], exclude: ["Fixtures"]),
        .testTarget(name: "KhabarSQLiteTests", dependencies: ["KhabarSQLite", "KhabarStorage", "KhabarModel", "KhabarTestSupport"]),
        // The spelling-rank contract runs the importer's analysis and the site's search engine
        // on both backends, hence the pipeline and web modules.
        .testTarget(name: "KhabarStorageContractTests", dependencies: [
            "KhabarSQLite", "KhabarPostgres", "KhabarStorage", "KhabarModel", "KhabarPipeline", "KhabarWeb", "KhabarTestSupport",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "KhabarPipelineTests", dependencies: [
            "KhabarPipeline", "KhabarSQLite", "KhabarStorage", "KhabarModel", "KhabarFeeds", "KhabarTestSupport",
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
        ]),
        // Several khabar processes against one PostgreSQL; needs the built executable.
        .testTarget(name: "KhabarIntegrationTests", dependencies: [
            "KhabarPostgres", "KhabarSQLite", "KhabarModel", "KhabarStorage", "KhabarTestSupport",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
        ]),
        .testTarget(name: "KhabarWebTests", dependencies: [
            "KhabarWeb", "KhabarSQLite", "KhabarStorage", "KhabarModel", "KhabarArabic", "KhabarPipeline", "KhabarTagging",
            "KhabarFeeds", "KhabarTestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ], exclude: ["Golden"]),
    ]
)
