@testable import Bayeux
import Testing

@Suite struct ChannelNameTests {
    @Test(arguments: ["/foo", "/a/b-c/d_e", "/A9/!~()$@", "/meta/connect", "/service", "/service/x", "/x"])
    func names(channel: String) {
        #expect(ChannelName.form(of: channel) == .name)
    }

    @Test(arguments: ["/*", "/**", "/foo/*", "/foo/**", "/a/b/**", "/meta/*"])
    func patterns(channel: String) {
        #expect(ChannelName.form(of: channel) == .pattern)
    }

    @Test(arguments: [
        "/", "foo", "/foo/", "//foo", "/foo.bar", "/a/*/b", "/foo*", "/foo/***", "", "/fo o", "/foo%20",
        "/a:b", "/é", "/foo\n!!", "/**/a", "/*/*", "/foo/*/", "*", "/a//b",
    ])
    func invalid(channel: String) {
        #expect(ChannelName.form(of: channel) == nil)
    }

    @Test func metaAndServiceAreDecidedByTheFirstSegment() {
        #expect(ChannelName.isMeta("/meta/subscribe/x"))
        #expect(ChannelName.isMeta("/meta/*"))
        #expect(ChannelName.isMeta("/meta"))
        #expect(!ChannelName.isMeta("/metadata"))
        #expect(!ChannelName.isMeta("/meta/x*"))
        #expect(!ChannelName.isMeta("/foo/meta"))
    }

    @Test(arguments: [
        ("/foo", true), ("/foo/**", true), ("/*", true), ("/**", true), ("/meta/x", false), ("/meta/**", false),
        ("/service", false), ("/service/**", false), ("/services", true), ("/foo/", false), ("/a/*/b", false),
    ])
    func subscribable(channel: String, expected: Bool) {
        #expect(ChannelName.isSubscribable(channel) == expected)
    }

    @Test func expansionFollowsFayeOrder() {
        #expect(ChannelName.expansion(of: "/a/b/c") == ["/**", "/a/b/c", "/a/b/*", "/a/**", "/a/b/**"])
        #expect(ChannelName.expansion(of: "/foo") == ["/**", "/foo", "/*"])
        #expect(ChannelName.expansion(of: "/foo/x") == ["/**", "/foo/x", "/foo/*", "/foo/**"])
    }
}
