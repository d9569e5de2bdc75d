// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "tolk",
    products: [
        .library(name: "TolkText", targets: ["TolkText"]),
        .library(name: "TolkArticle", targets: ["TolkArticle"]),
        .library(name: "TolkGlossary", targets: ["TolkGlossary"]),
        .library(name: "TolkAlign", targets: ["TolkAlign"]),
        .executable(name: "tolk", targets: ["tolk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
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
        .target(
            name: "TolkText",
            dependencies: ["CICUShim"]
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
        .executableTarget(
            name: "tolk",
            dependencies: [
                "TolkText",
                "TolkArticle",
                "TolkGlossary",
                "TolkAlign",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TolkTextTests",
            dependencies: ["TolkText"]
        ),
        .testTarget(
            name: "TolkArticleTests",
            dependencies: ["TolkArticle"]
        ),
        .testTarget(
            name: "TolkGlossaryTests",
            dependencies: ["TolkGlossary"]
        ),
        .testTarget(
            name: "TolkAlignTests",
            dependencies: ["TolkAlign"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
