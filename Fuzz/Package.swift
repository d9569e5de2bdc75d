// swift-tools-version: 6.0
// libFuzzer targets for tolk, kept out of the main package (they need -sanitize=fuzzer to link).
// Build and run with scripts/fuzz.sh TARGET SECONDS.
import PackageDescription

let targets = ["FuzzTokenizer", "FuzzArticle", "FuzzGlossary", "FuzzAlign", "FuzzLint", "FuzzConfig", "FuzzTextReader"]
// SwiftPM names a package found by path after its folder: "main" in /work/main, else the checkout's name.
let main = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "main"

let package = Package(
    name: "tolk-fuzz",
    dependencies: [.package(path: "..")],
    targets: [.target(name: "FuzzDriver")] + targets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "FuzzDriver",
                .product(name: "TolkText", package: main), .product(name: "TolkArticle", package: main),
                .product(name: "TolkGlossary", package: main), .product(name: "TolkAlign", package: main),
                .product(name: "TolkLint", package: main),
            ])
    },
    swiftLanguageModes: [.v6]
)
