import Foundation

/// tolk's JSON Lines: keys sorted, slashes as they are, snake-case keys (`end_line`) unless a
/// format keeps Swift's names (fingerprints, read back by tolk).
public enum JSONLine {
    public static func encoder(snakeCaseKeys: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // A number JSON cannot hold is written as a string, never an encoding failure.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        if snakeCaseKeys { encoder.keyEncodingStrategy = .convertToSnakeCase }
        return encoder
    }

    /// `value` as one line with its line break, for values of strings and numbers only (whose
    /// encoding cannot fail: non-finite numbers become strings).
    public static func text(_ value: some Encodable, _ encoder: JSONEncoder = encoder()) -> String {
        String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
    }
}
