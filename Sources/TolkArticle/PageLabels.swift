/// The words pages use around an article, per language, as data: the labels of the source URL line
/// and the page furniture (chrome) that follows an article.
enum PageLabels {
    /// Labels that introduce the source URL line (`Kilde: https://...`), lower-cased.
    static let sourceLine: Set<String> = [
        "kilde", "kilder", "source", "nguồn", "nguồn tin", "quelle", "fuente", "källa", "lähde", "origine", "fonte", "bron",
        "original", "originalartikkel", "original article",
    ]

    /// Labels of a page's own address in its header (`url: https://...`), lower-cased.
    static let pageURLLine: Set<String> = ["url", "canonical", "canonical url", "permalink", "page url", "địa chỉ", "adresse"]

    /// Whole lines that are chrome, lower-cased (`{n}` stands for a number).
    static let chromeLines: Set<String> = [
        // Norwegian
        "kommentar ({n})", "kommentarer ({n})", "i samme emne", "i samme kategori", "av samme forfatter", "les også", "les mer",
        "relaterte saker", "siste nytt", "mest lest", "del", "del artikkelen", "tips oss", "annonse",
        // English (machine-translated pages keep some)
        "no data", "comment ({n})", "comments ({n})", "related", "related articles", "read more", "share", "most read",
        "same topic", "same category", "same author", "advertisement",
        // Vietnamese
        "bình luận ({n})", "bình luận", "cùng chủ đề", "cùng chuyên mục", "cùng tác giả", "tin liên quan", "xem thêm", "đọc thêm",
        "tin mới nhất", "đọc nhiều", "chia sẻ", "không có dữ liệu",
        // German
        "kommentare ({n})", "mehr zum thema", "das könnte sie auch interessieren",
    ]

    /// The longest chrome label, in UTF-8 bytes, with room for a counter and spaces.
    static let longestLabel = (chromeLines.map(\.utf8.count).max() ?? 0) + 16

    /// The label key of a line: lower-cased, trimmed, without a final colon, digit runs replaced by `{n}`.
    static func key(_ line: String) -> String {
        var key = ""
        var inNumber = false
        for character in line.lowercased() {
            if character.isNumber {
                if !inNumber { key += "{n}" }
                inNumber = true
            } else {
                key.append(character)
                inNumber = false
            }
        }
        key = key.trimmed()
        if key.hasSuffix(":") { key = String(key.dropLast()).trimmed() }
        return key
    }
}
