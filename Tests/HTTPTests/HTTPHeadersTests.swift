import HTTP
import Testing

struct HTTPHeadersTests {
    @Test func keepsOrderAndSpelling() {
        var headers = HTTPHeaders()
        headers.add("Content-Type", "text/plain")
        headers.add("x-custom", "1")
        headers.add("X-Custom", "2")
        #expect(headers.map(\.name) == ["Content-Type", "x-custom", "X-Custom"])
        #expect(headers.map(\.value) == ["text/plain", "1", "2"])
        #expect(headers.count == 3)
    }

    @Test func lookupsIgnoreASCIICase() {
        let headers = HTTPHeaders([("Content-Type", "a"), ("X-Custom", "1"), ("x-custom", "2")])
        #expect(headers[first: "content-type"] == "a")
        #expect(headers[first: "X-CUSTOM"] == "1")
        #expect(headers[first: "Content-Typ"] == nil)
        #expect(headers.contains("CONTENT-TYPE"))
        #expect(!headers.contains("Content"))
        #expect(headers.filter { $0.name.lowercased() == "x-custom" }.count == 2)
    }

    @Test func onlyASCIILettersFold() {
        let headers = HTTPHeaders([("X-[", "1")])
        #expect(headers[first: "x-{"] == nil)
        #expect(headers[first: "x-["] == "1")
    }

    @Test func replaceOrAddReplacesTheFirstInPlaceAndDropsTheRest() {
        var headers = HTTPHeaders([("A", "1"), ("Set", "x"), ("B", "2"), ("set", "y"), ("SET", "z")])
        headers.replaceOrAdd("set", "new")
        #expect(headers == HTTPHeaders([("A", "1"), ("Set", "new"), ("B", "2")]))
        headers.replaceOrAdd("C", "3")
        #expect(headers == HTTPHeaders([("A", "1"), ("Set", "new"), ("B", "2"), ("C", "3")]))
    }

    @Test func equalityIsOrderedAndSpellingSensitive() {
        #expect(HTTPHeaders([("A", "1"), ("B", "2")]) == HTTPHeaders([("A", "1"), ("B", "2")]))
        #expect(HTTPHeaders([("A", "1"), ("B", "2")]) != HTTPHeaders([("B", "2"), ("A", "1")]))
        #expect(HTTPHeaders([("A", "1")]) != HTTPHeaders([("a", "1")]))
    }

    @Test(arguments: [
        ("keep-alive, Upgrade", "upgrade", true),
        ("keep-alive,upgrade", "UPGRADE", true),
        ("  Upgrade  ", "upgrade", true),
        (",, upgrade ,", "upgrade", true),
        ("\tupgrade\t, close", "close", true),
        ("upgrades", "upgrade", false),
        ("up grade", "upgrade", false),
        ("", "upgrade", false),
        ("keep-alive", "alive", false),
    ])
    func tokenLists(value: String, token: String, expected: Bool) {
        #expect(HTTPHeaders([("Connection", value)]).contains(token: token, in: "connection") == expected)
    }

    @Test func tokenListsSpanRepeatedFields() {
        let headers = HTTPHeaders([("Connection", "keep-alive"), ("Other", "upgrade"), ("connection", "Upgrade")])
        #expect(headers.contains(token: "upgrade", in: "Connection"))
        #expect(!headers.contains(token: "upgrade", in: "Upgrade"))
    }
}
