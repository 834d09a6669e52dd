extension PublisherTokens {
    /// Reads a tokens file: `{"Service": {"origin": "https://host[:port]", "auth_token": "..."}}`.
    /// Members other than `origin` and `auth_token` are ignored.
    public init(json: some Collection<UInt8>) throws(PublisherTokensError) {
        let bytes = Array(json)
        let text: JSONText
        let top: JSONValue
        do {
            (text, top) = try JSONText.validate(bytes)
        } catch {
            throw PublisherTokensError(offset: error.offset, in: bytes, problem: "not valid JSON: \(error.explanation)")
        }
        guard top.kind == .object else {
            throw PublisherTokensError(offset: top.range.lowerBound, in: bytes,
                                       problem: "expected an object of services")
        }
        var services: [String: Service] = [:]
        for member in text.members(top) {
            func failure(_ problem: String, at offset: Int) -> PublisherTokensError {
                PublisherTokensError(offset: offset, in: bytes, problem: "service \"\(member.key)\": \(problem)")
            }
            guard services[member.key] == nil else {
                throw failure("appears twice", at: member.keyRange.lowerBound)
            }
            guard member.value.kind == .object else {
                throw failure(#"expected an object with "origin" and "auth_token""#, at: member.value.range.lowerBound)
            }
            let fields = text.members(member.value)
            guard let originValue = fields.last(named: "origin") else {
                throw failure(#"missing "origin""#, at: member.value.range.lowerBound)
            }
            guard let origin = text.string(originValue).flatMap(Origin.init) else {
                throw failure("origin must be a string like https://host or http://host:port (no path)",
                              at: originValue.range.lowerBound)
            }
            guard let tokenValue = fields.last(named: "auth_token") else {
                throw failure(#"missing "auth_token""#, at: member.value.range.lowerBound)
            }
            guard let token = text.string(tokenValue), !token.isEmpty else {
                throw failure("auth_token must be a non-empty string", at: tokenValue.range.lowerBound)
            }
            services[member.key] = Service(origin: origin, token: Array(token.utf8))
        }
        self.services = services
    }
}
