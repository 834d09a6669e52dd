/// A tokens file that cannot be used: where (line and column, counted from 1) and what. The
/// text never quotes a token.
public struct PublisherTokensError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let problem: String

    public var description: String { "line \(line), column \(column): \(problem)" }

    init(offset: Int, in bytes: [UInt8], problem: String) {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.line = line
        self.column = column
        self.problem = problem
    }
}
