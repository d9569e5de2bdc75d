// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tolk",
    products: [
        .library(name: "TolkText", targets: ["TolkText"]),
        .library(name: "TolkArticle", targets: ["TolkArticle"]),
        .library(name: "TolkGlossary", targets: ["TolkGlossary"]),
        .library(name: "TolkAlign", targets: ["TolkAlign"]),
        .library(name: "TolkLint", targets: ["TolkLint"]),
        .executable(name: "tolk", targets: ["tolk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CICU",
            path: "Sources/CICU",
            pkgConfig: "icu-i18n",
            providers: [.apt(["libicu-dev", "pkg-config"]), .brew(["icu4c", "pkg-config"])]
        ),
        .target(
            name: "CICUShim",
            dependencies: ["CICU"]
        ),
        .target(name: "CPlatform"),
        .target(
            name: "TolkText",
            dependencies: ["CICUShim"],
            exclude: ["Models/README.md", "Models/vi-words.manifest"]
        ),
        .target(
            name: "TolkArticle",
            dependencies: ["TolkText"]
        ),
        .target(
            name: "TolkGlossary",
            dependencies: ["TolkText"]
        ),
        .target(
            name: "TolkAlign",
            dependencies: ["TolkText", "TolkGlossary"]
        ),
        .target(
            name: "TolkLint",
            dependencies: ["TolkText", "TolkArticle", "TolkGlossary", "TolkAlign", .product(name: "Yams", package: "Yams")]
        ),
        .target(
            name: "TolkReport",
            dependencies: ["CPlatform", "TolkText", "TolkArticle", "TolkGlossary", "TolkAlign", "TolkLint"]
        ),
        .executableTarget(
            name: "tolk",
            dependencies: [
                "TolkText",
                "TolkArticle",
                "TolkGlossary",
                "TolkAlign",
                "TolkLint",
                "TolkReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "TolkTestSupport",
            dependencies: ["TolkText", "TolkGlossary"],
            path: "Tests/TolkTestSupport"
        ),
        .testTarget(
            name: "TolkTextTests",
            dependencies: ["TolkText", "TolkTestSupport"]
        ),
        .testTarget(
            name: "TolkArticleTests",
            dependencies: ["TolkArticle", "TolkTestSupport"]
        ),
        .testTarget(
            name: "TolkGlossaryTests",
            dependencies: ["TolkGlossary", "TolkTestSupport"]
        ),
        .testTarget(
            name: "TolkAlignTests",
            dependencies: ["TolkAlign", "TolkTestSupport"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["TolkTestSupport"],
            exclude: ["Expected"]
        ),
        .testTarget(
            name: "TolkLintTests",
            dependencies: ["TolkLint", "TolkReport", "TolkTestSupport", .product(name: "Yams", package: "Yams")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
