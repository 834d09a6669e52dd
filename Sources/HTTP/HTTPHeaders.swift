/// Header fields in the order they were received or added, names spelled as given.
/// Lookups compare names ASCII case-insensitively (RFC 9110 §5.1).
public struct HTTPHeaders: Sendable, Sequence, Equatable {
    public typealias Element = (name: String, value: String)

    private var fields: [Element]

    public init() {
        fields = []
    }

    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { (name: $0.0, value: $0.1) }
    }

    /// For the parser, which knows roughly how many fields are coming.
    init(minimumCapacity: Int) {
        fields = []
        fields.reserveCapacity(minimumCapacity)
    }

    public var count: Int { fields.count }

    public mutating func add(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Sets the value of the first field named `name` in its place and removes the
    /// others, or adds the field at the end when there is none.
    public mutating func replaceOrAdd(_ name: String, _ value: String) {
        guard let first = fields.firstIndex(where: { Self.isNamed($0, name) }) else {
            add(name, value)
            return
        }
        fields[first].value = value
        var index = fields.count - 1
        while index > first {
            if Self.isNamed(fields[index], name) { fields.remove(at: index) }
            index -= 1
        }
    }

    public subscript(first name: String) -> String? {
        fields.first { Self.isNamed($0, name) }?.value
    }

    /// The values of every field named `name`, in order (a list header sent on several lines).
    public func values(named name: String) -> [String] {
        fields.compactMap { Self.isNamed($0, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool {
        fields.contains { Self.isNamed($0, name) }
    }

    public func makeIterator() -> IndexingIterator<[Element]> {
        fields.makeIterator()
    }

    /// Equal when the same fields, spelled the same, come in the same order.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    static func isNamed(_ field: Element, _ name: String) -> Bool {
        ASCII.equalsIgnoringCase(field.name, name)
    }
}
