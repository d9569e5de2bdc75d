/// One step of an alignment: source segments `source` render as target segments `target`
/// (either may be empty, never both). Indices are 0-based segment positions.
public struct Bead: Sendable, Hashable {
    public let source: Range<Int>
    public let target: Range<Int>
    /// How likely the bead is, 0...1 (the probability its cost stands for).
    public let score: Double

    public init(source: Range<Int>, target: Range<Int>, score: Double) {
        precondition(!(source.isEmpty && target.isEmpty), "a bead covers at least one segment")
        self.source = source
        self.target = target
        self.score = score
    }

    /// `[0, 1]:[2]` as vecalign writes beads.
    public var vecalign: String {
        "[\(source.map(String.init).joined(separator: ", "))]:[\(target.map(String.init).joined(separator: ", "))]"
    }
}
