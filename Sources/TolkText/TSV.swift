/// Tab-separated values: a field keeps every character, with backslash, tab, line feed and carriage
/// return written as `\\`, `\t`, `\n`, `\r` (the convention of PostgreSQL's text COPY and pandas).
public enum TSV {
    public static func field(_ text: String) -> String {
        text.replacingScalars { scalar in
            switch scalar {
            case "\\": "\\\\"
            case "\t": "\\t"
            case "\n": "\\n"
            case "\r": "\\r"
            default: nil
            }
        }
    }
}
