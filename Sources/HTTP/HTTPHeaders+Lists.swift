extension HTTPHeaders {
    /// True when any field named `name` lists `token` (case-insensitive), e.g.
    /// `contains(token: "upgrade", in: "Connection")` for "Connection: keep-alive, Upgrade".
    public func contains(token: String, in name: String) -> Bool {
        for field in self where Self.isNamed(field, name) {
            if ASCII.withUTF8(field.value, { HTTPList.contains(token, in: $0) }) { return true }
        }
        return false
    }
}
