// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "bayeux-edge",
    products: [
        .executable(name: "bayeux-edge", targets: ["Edge"]),
        .executable(name: "edge-bench", targets: ["EdgeBench"]),
    ],
    targets: [
        // C libraries from Debian, found through pkg-config.
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CNghttp2", pkgConfig: "libnghttp2", providers: [.apt(["libnghttp2-dev"])]),
        .systemLibrary(name: "CHiredis", pkgConfig: "hiredis", providers: [.apt(["libhiredis-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // Linux headers Swift's Glibc module leaves out (epoll, eventfd, timerfd).
        .target(name: "CLinux"),

        .target(name: "IO", dependencies: ["CLinux"]),
        .target(name: "TLS", dependencies: ["COpenSSL", "IO"]),
        .target(name: "HTTP", dependencies: ["CZlib", "COpenSSL"]),
        .target(name: "Bayeux"),
        .executableTarget(name: "Edge", dependencies: ["IO", "TLS", "HTTP", "Bayeux"]),
        // `make bench`: the load generator and the raw-limit loop (bench/ runs it).
        .executableTarget(name: "EdgeBench", dependencies: ["IO", "TLS", "HTTP", "Bayeux", "COpenSSL", "CLinux"]),

        .testTarget(name: "IOTests", dependencies: ["IO"]),
        .testTarget(name: "TLSTests", dependencies: ["TLS"]),
        .testTarget(name: "HTTPTests", dependencies: ["HTTP"]),
        .testTarget(name: "BayeuxTests", dependencies: ["Bayeux"]),
        .testTarget(name: "EdgeTests", dependencies: ["Edge"], resources: [.copy("Fixtures")]),
        .testTarget(name: "EdgeBenchTests", dependencies: ["EdgeBench"]),
    ],
    swiftLanguageModes: [.v6]
)
