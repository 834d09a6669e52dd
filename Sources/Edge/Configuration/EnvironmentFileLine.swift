/// One line of an env file, taken apart; see `EnvironmentFile` for the rules.
enum EnvironmentFileLine: Equatable {
    case nothing
    case assignment(name: String, value: String)
    case malformed(String)

    static func parse(_ raw: Substring) -> EnvironmentFileLine {
        var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
        if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
        line = line.drop(while: \.isWhitespace)
        if line.isEmpty || line.hasPrefix("#") { return .nothing }
        // "export NAME=..." but not a variable called "export" or "exporter".
        let afterExport = line.dropFirst(6)
        if line.hasPrefix("export"), afterExport.first?.isWhitespace == true,
            afterExport.contains(where: { !$0.isWhitespace }) {
            line = afterExport.drop(while: \.isWhitespace)
        }
        guard let equals = line.firstIndex(of: "=") else {
            let isBareName = isName(line.trimmingTrailingWhitespace)
            return isBareName ? .nothing : .malformed("expected NAME=VALUE, found \(line.quotedForReport)")
        }
        let name = line[..<equals].trimmingTrailingWhitespace
        guard isName(name) else { return .malformed("\(name.quotedForReport) is not a variable name; expected NAME=VALUE") }
        let rest = line[line.index(after: equals)...].drop(while: \.isWhitespace)
        switch rest.first {
        case "\"": return quotedValue(rest.dropFirst(), name: name, quote: "\"", escapes: true)
        case "'": return quotedValue(rest.dropFirst(), name: name, quote: "'", escapes: false)
        default: return .assignment(name: String(name), value: String(unquotedValue(rest)))
        }
    }

    private static func unquotedValue(_ text: Substring) -> Substring {
        var previous: Character?
        for index in text.indices {
            // Only " #" starts a comment: "a#b" and a leading "#" are values.
            if text[index] == "#", previous?.isWhitespace == true {
                return text[..<index].trimmingTrailingWhitespace
            }
            previous = text[index]
        }
        return text.trimmingTrailingWhitespace
    }

    private static func quotedValue(_ text: Substring, name: Substring, quote: Character, escapes: Bool) -> EnvironmentFileLine {
        var value = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            index = text.index(after: index)
            if character == quote {
                let after = text[index...].drop(while: \.isWhitespace)
                guard after.isEmpty || after.hasPrefix("#") else {
                    return .malformed("\(name): unexpected \(after.quotedForReport) after the closing \(quote)")
                }
                return .assignment(name: String(name), value: value)
            }
            if escapes, character == "\\", index < text.endIndex {
                let escaped = text[index]
                index = text.index(after: index)
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "\\", "\"", "$": value.append(escaped)
                default: value.append("\\"); value.append(escaped)
                }
                continue
            }
            value.append(character)
        }
        return .malformed("\(name): the value has no closing \(quote) on its line (values spanning lines are not supported)")
    }

    /// Compose's rule: a letter or `_`, then letters, digits, `_`, `.`, `-`.
    private static func isName(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy {
            $0.isASCIILetter || ("0"..."9").contains($0) || "_.-".unicodeScalars.contains($0)
        }
    }
}

extension Substring {
    var trimmingTrailingWhitespace: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return self[..<end]
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
