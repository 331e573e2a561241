// swift-tools-version:6.0
// virtsync: source → manifests → plan → apply → report. One target per concern (see README "Design").
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
    ],
    targets: [
        // C shim: libvirt's headers and library, from Debian's libvirt-dev.
        .systemLibrary(name: "CLibvirt", pkgConfig: "libvirt", providers: [.apt(["libvirt-dev"])]),
        // The one safe wrapper of libvirt's C API; no C type leaves it.
        .target(name: "Libvirt", dependencies: ["CLibvirt"], swiftSettings: settings),
        // C shim: libgit2's headers and library, from Debian's libgit2-dev.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        // The one safe wrapper of libgit2's C API; no C type leaves it.
        .target(name: "Git", dependencies: ["CGit2"], swiftSettings: settings),
        // Pure core: libvirt XML as values, manifests, plan. No C, no I/O.
        .target(name: "LibvirtXML", swiftSettings: settings),
        .target(name: "VirtsyncManifest", dependencies: ["LibvirtXML", "Yams"], swiftSettings: settings),
        .target(
            name: "VirtsyncPlan",
            dependencies: ["VirtsyncManifest", "LibvirtXML"],
            swiftSettings: settings),
        // The edge that reads manifests from disk (and, with the agent, from git).
        .target(name: "VirtsyncSource", dependencies: ["VirtsyncManifest"], swiftSettings: settings),
        // The edge that touches libvirt: observe, apply, check.
        .target(name: "VirtsyncHost", dependencies: ["VirtsyncPlan", "Libvirt"], swiftSettings: settings),
        // The executable: one file per subcommand, no logic.
        .executableTarget(
            name: "virtsync",
            dependencies: ["VirtsyncHost", "VirtsyncSource", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: settings),
        // The benchmark's floor: the same libvirt calls with nothing else.
        .executableTarget(name: "virtsync-bench", dependencies: ["VirtsyncHost", "Libvirt"], swiftSettings: settings),

        .testTarget(name: "LibvirtXMLTests", dependencies: ["LibvirtXML"], swiftSettings: settings),
        .testTarget(
            name: "VirtsyncManifestTests", dependencies: ["VirtsyncManifest"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(
            name: "VirtsyncPlanTests", dependencies: ["VirtsyncPlan"],
            resources: [.copy("Fixtures")], swiftSettings: settings),
        .testTarget(name: "GitTests", dependencies: ["Git"], swiftSettings: settings),
        .testTarget(name: "LibvirtTests", dependencies: ["Libvirt"], swiftSettings: settings),
        .testTarget(name: "VirtsyncHostTests", dependencies: ["VirtsyncHost", "VirtsyncSource"], swiftSettings: settings),
        .testTarget(name: "RealHostTests", dependencies: ["VirtsyncHost", "VirtsyncSource"], swiftSettings: settings),
    ]
)
