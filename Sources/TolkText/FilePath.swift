import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Paths as the file system sees them, for telling whether two names are the same file.
public enum FilePath {
    /// `name` as an absolute path with `.`, `..` and symbolic links resolved, also when its last
    /// parts do not exist yet (they are appended to the resolved part that does).
    public static func resolved(_ name: String) -> String {
        let absolute = name.hasPrefix("/") ? name : FileManager.default.currentDirectoryPath + "/" + name
        var existing = absolute
        var missing: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                var parts = String(cString: real).split(separator: "/").map(String.init)
                for part in missing.reversed() where part != "." {
                    if part == ".." { _ = parts.popLast() } else { parts.append(part) }
                }
                return "/" + parts.joined(separator: "/")
            }
            let parent = (existing as NSString).deletingLastPathComponent
            if parent == existing || parent.isEmpty { return absolute }
            missing.append((existing as NSString).lastPathComponent)
            existing = parent
        }
    }
}
