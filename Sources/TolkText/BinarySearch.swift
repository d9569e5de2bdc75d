extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `isAfter`, when every element that does comes after
    /// every one that does not (sorted data): a binary search, O(log n); `endIndex` when none does.
    /// Inlinable, so each caller gets it specialised for its collection (not generic code per element).
    @inlinable
    public func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
