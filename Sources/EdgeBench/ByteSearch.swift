import Glibc

/// Just enough searching in received JSON to find a member without parsing the
/// message: the benchmark knows the shape of what it sent.
enum ByteSearch {
    /// The offset of the first `needle` at or after `start`, nil if there is none.
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int = 0) -> Int? {
        guard let first = needle.first, let base = haystack.baseAddress, start >= 0 else { return nil }
        var position = start
        let lastStart = haystack.count - needle.count
        while position <= lastStart {
            guard let hit = memchr(base + position, Int32(first), lastStart - position + 1) else { return nil }
            let offset = base.distance(to: UnsafeRawPointer(hit))
            let matches = needle.withUnsafeBytes { memcmp(base + offset, $0.baseAddress!, needle.count) == 0 }
            if matches { return offset }
            position = offset + 1
        }
        return nil
    }

    static func contains(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Bool {
        find(needle, in: haystack) != nil
    }

    /// The integer starting at `start` after optional spaces, and the offset after it.
    static func integer(in bytes: UnsafeRawBufferPointer, at start: Int) -> (value: Int64, end: Int)? {
        var position = start
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        var isNegative = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }
        let digitsStart = position
        var value: Int64 = 0
        while position < bytes.count, bytes[position] >= UInt8(ascii: "0"), bytes[position] <= UInt8(ascii: "9") {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int64(bytes[position] - UInt8(ascii: "0")))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
            position += 1
        }
        guard position > digitsStart else { return nil }
        return (isNegative ? -value : value, position)
    }

    /// The JSON string value of `"key":"..."` (no escapes expected: ids and client ids).
    static func string(after key: [UInt8], in bytes: UnsafeRawBufferPointer) -> String? {
        guard let hit = find(key, in: bytes) else { return nil }
        var position = hit + key.count
        while position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else { return nil }
        let start = position + 1
        guard let end = find([UInt8(ascii: "\"")], in: bytes, from: start) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
}
