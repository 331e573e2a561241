// swift-tools-version:6.0
// virtsync: source → manifests → plan → apply → report. One target per concern (see docs/design.md).
import PackageDescription

let settings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "virtsync",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "virtsync", targets: ["virtsync"]),
        .library(name: "VirtsyncHost", targets: ["VirtsyncHost"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"4.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.25.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
    ],
    targets: [
        // C shim: libvirt's headers and library, from Debian's libvirt-dev.
        .systemLibrary(name: "CLibvirt", pkgConfig: "libvirt", providers: [.apt(["libvirt-dev"])]),
        // The one safe wrapper of libvirt's C API; no C type leaves it.
        .target(name: "Libvirt", dependencies: ["CLibvirt"], swiftSettings: settings),
        // C shim: libsystemd's journal and sd_notify, from Debian's libsystemd-dev.
        .systemLibrary(name: "CSystemd", pkgConfig: "libsystemd", providers: [.apt(["libsystemd-dev"])]),
        // journald entries and service notifications; no C type leaves it.
        .target(name: "Systemd", dependencies: ["CSystemd"], swiftSettings: settings),
        // C shim: libgit2's headers and library, from Debian's libgit2-dev.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // The one safe wrapper of libgit2's C API; no C type leaves it.
        .target(name: "Git", dependencies: ["CGit2"], swiftSettings: settings),
        // C shim: liblzma, zlib and libbzip2 (Debian's liblzma-dev, zlib1g-dev, libbz2-dev).
        .systemLibrary(name: "CCompression", providers: [.apt(["liblzma-dev", "zlib1g-dev", "libbz2-dev"])]),
        // Streaming decompression of .xz, .gz and .bz2 images; no C type leaves it.
        .target(name: "Compression", dependencies: ["CCompression"], swiftSettings: settings),
        // C shim: libisofs (Debian's libisofs-dev), ISO 9660 images.
        .systemLibrary(name: "CIsofs", pkgConfig: "libisofs-1", providers: [.apt(["libisofs-dev"])]),
        // The one safe wrapper of libisofs: an ISO 9660 image of a few files; no C type leaves it.
        .target(name: "Isofs", dependencies: ["CIsofs"], swiftSettings: settings),
        // Images by URL: download (http, https, file) into a cache, SHA-256 check, decompression.
        .target(
            name: "VirtsyncImages",
            dependencies: [
                "Compression", "VirtsyncManifest",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings
        ),
        // C shim: libxml2's parser and RelaxNG validator, from Debian's libxml2-dev.
        .systemLibrary(name: "CLibxml2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The one safe wrapper of libxml2: RelaxNG validation, and documents read into `XElement` trees
        // (libvirt's definitions, read on every plan); no C type leaves it.
        .target(name: "LibXML2", dependencies: ["CLibxml2", "LibvirtXML"], swiftSettings: settings),
        // Pure core: libvirt XML as values, manifests, plan. No C, no I/O.
        .target(name: "LibvirtXML", swiftSettings: settings),
        .target(name: "VirtsyncManifest", dependencies: ["LibvirtXML", "Yams"], swiftSettings: settings),
        .target(
            name: "VirtsyncPlan",
            dependencies: ["VirtsyncManifest", "LibvirtXML"],
            swiftSettings: settings
        ),
        // The edge that reads manifests: from disk, and the source abstraction the agent polls.
        .target(
            name: "VirtsyncSource",
            dependencies: ["VirtsyncManifest", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: settings
        ),
        // The agent's git source: fetch, check out, verify commit signatures (libgit2).
        .target(name: "VirtsyncGitSource", dependencies: ["VirtsyncSource", "Git"], swiftSettings: settings),
        // Offline validation against libvirt's own RelaxNG schemas: rendered and raw XML, no libvirtd.
        .target(name: "VirtsyncSchema", dependencies: ["VirtsyncPlan", "LibXML2"], swiftSettings: settings),
        // Files written whole or not at all (temporary file, fsync, rename): the state and report files.
        .target(name: "AtomicFiles", swiftSettings: settings),
        // The edge that touches libvirt: observe, canonicalize, apply, check.
        .target(
            name: "VirtsyncHost",
            dependencies: [
                "VirtsyncPlan", "VirtsyncSchema", "LibXML2", "Libvirt", "VirtsyncImages", "Isofs", "AtomicFiles",
                "VirtsyncBuildInfo", .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings
        ),
        // Which virtsync this is: version and the git revision stamped by the RevisionStamp plugin.
        .plugin(name: "RevisionStamp", capability: .buildTool()),
        .target(name: "VirtsyncBuildInfo", swiftSettings: settings, plugins: ["RevisionStamp"]),
        // The reports: events, the status file, Prometheus metrics.
        .target(
            name: "VirtsyncReport",
            dependencies: [
                "VirtsyncPlan", "AtomicFiles", "VirtsyncBuildInfo",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: settings
        ),
        // The journald edge of the reports: one entry per event, and a swift-log handler (libsystemd).
        .target(
            name: "VirtsyncJournal",
            dependencies: ["VirtsyncReport", "Systemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: settings
        ),
        // The agent: config, reconcile loop, triggers (interval, webhook, libvirt events), HTTP endpoints.
        .target(
            name: "VirtsyncAgent",
            dependencies: [
                "VirtsyncHost", "VirtsyncSource", "VirtsyncGitSource", "VirtsyncReport", "VirtsyncJournal", "Systemd",
                "VirtsyncImages", "AtomicFiles",
                "Libvirt", "Yams",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: settings
        ),
        // The command line: one file per subcommand, no logic. `apply` makes volumes from images by URL and
        // cloud-init seeds, so it links libvirt, libxml2, libisofs, the decompressors and async-http-client
        // (through VirtsyncHost and VirtsyncImages), but not libgit2 or libsystemd: CI needs neither to
        // validate. `virtsync run` hands its process over to virtsync-agent.
        .executableTarget(
            name: "virtsync",
            dependencies: [
                "VirtsyncHost", "VirtsyncSchema", "VirtsyncSource", "VirtsyncReport", "VirtsyncBuildInfo",
                "VirtsyncImages",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            swiftSettings: settings
        ),
        // The agent's executable, run as `virtsync run`: git, journald, metrics, HTTP.
        // C shim: userfaultfd(2), with which the agent maps its code page by page (FaultAround.swift).
        .systemLibrary(name: "CUserfaultfd"),
        .executableTarget(
            name: "virtsync-agent",
            dependencies: [
                "VirtsyncAgent", "VirtsyncJournal", "VirtsyncReport", "VirtsyncBuildInfo", "CUserfaultfd",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            swiftSettings: settings
        ),
        // The benchmark's floor: the same libvirt calls with nothing else.
        .executableTarget(name: "virtsync-bench", dependencies: ["VirtsyncHost", "Libvirt"], swiftSettings: settings),

        // What the test targets share (docs/design.md, "Tests"): the child-process runner, journald, libvirt
        // name prefixes, temporary directories, ports, golden files, the tiny guest and the image server.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        // The runner's promises: no pipe deadlock, no inherited descriptor, no child outliving its handle.
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"], swiftSettings: settings),
        // The command line end to end: the built `virtsync` run on fixtures, output against goldens.
        .testTarget(
            name: "CLITests",
            dependencies: [
                "virtsync", "TestSupport", "VirtsyncBuildInfo",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: settings
        ),
        // The README and docs/: links resolve, examples load, the README's example is the runnable set.
        .testTarget(name: "DocsTests", dependencies: ["VirtsyncManifest"], swiftSettings: settings),
        .testTarget(name: "LibvirtXMLTests", dependencies: ["LibvirtXML"], swiftSettings: settings),
        .testTarget(
            name: "VirtsyncManifestTests",
            dependencies: ["VirtsyncManifest"],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "VirtsyncPlanTests",
            dependencies: ["VirtsyncPlan"],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "GitTests",
            dependencies: ["Git", "VirtsyncSource", "VirtsyncGitSource", "TestSupport"],
            swiftSettings: settings
        ),
        // VirtsyncAgent for its dedicated-thread executor (`package`), on which the event readers run.
        .testTarget(
            name: "LibvirtTests",
            dependencies: ["Libvirt", "VirtsyncAgent", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(name: "LibXML2Tests", dependencies: ["LibXML2", "LibvirtXML"], swiftSettings: settings),
        .testTarget(
            name: "VirtsyncSchemaTests",
            dependencies: ["VirtsyncSchema", "LibXML2", "VirtsyncManifest", "VirtsyncPlan"],
            swiftSettings: settings
        ),
        .testTarget(name: "SystemdTests", dependencies: ["Systemd", "TestSupport"], swiftSettings: settings),
        .testTarget(
            name: "VirtsyncHostTests",
            dependencies: ["VirtsyncHost", "VirtsyncSource", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "VirtsyncReportTests",
            dependencies: ["VirtsyncReport", "VirtsyncJournal", "Systemd", "VirtsyncBuildInfo", "TestSupport"],
            swiftSettings: settings
        ),
        .testTarget(
            name: "VirtsyncAgentTests",
            dependencies: [
                "VirtsyncAgent", "VirtsyncHost", "VirtsyncSource", "VirtsyncGitSource", "VirtsyncReport",
                "VirtsyncManifest",
                "Libvirt", "TestSupport",
            ],
            swiftSettings: settings
        ),
        .testTarget(name: "CompressionTests", dependencies: ["Compression", "TestSupport"], swiftSettings: settings),
        .testTarget(name: "IsofsTests", dependencies: ["Isofs", "TestSupport"], swiftSettings: settings),
        .testTarget(
            name: "VirtsyncImagesTests",
            dependencies: ["VirtsyncImages", "TestSupport", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: settings
        ),
        .testTarget(
            name: "RealHostTests",
            dependencies: [
                "VirtsyncHost", "VirtsyncSource", "VirtsyncSchema", "Libvirt", "VirtsyncImages", "TestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Fixtures")],
            swiftSettings: settings
        ),
    ]
)
