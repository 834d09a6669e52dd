import TLS
extension ConfigurationResolver {
    mutating func resolveTLS() -> TLSConfiguration {
        let directory = ValueSyntax.absolutePath(value(.sslDirectory)?.text ?? "./certs", under: workingDirectory)
        return TLSConfiguration(
            directory: directory,
            certificateFile: ValueSyntax.absolutePath(value(.sslCertificateFile)?.text ?? "server.crt", under: directory),
            keyFile: ValueSyntax.absolutePath(value(.sslKeyFile)?.text ?? "server.key", under: directory),
            protocols: resolveProtocols(),
            ciphers: value(.sslCiphers)?.text ?? TLSConfiguration.defaultCiphers,
            prefersServerCiphers: parsed(.sslPreferServerCiphers, expected: Self.booleanExpectation, ValueSyntax.boolean)
                ?? true)
    }

    /// nginx's ssl_protocols syntax. Insecure versions are dropped with a
    /// warning rather than refused: the seed stack's own .env names only
    /// insecure ones and must still start, on TLS 1.2 and 1.3. A name we do
    /// not know is fatal: we cannot tell what was meant.
    private mutating func resolveProtocols() -> ClosedRange<TLSProtocolVersion> {
        let secureDefault = TLSProtocolVersion.tls1_2...TLSProtocolVersion.tls1_3
        guard let raw = value(.sslProtocols) else { return secureDefault }
        var secure: [TLSProtocolVersion] = []
        var insecure: [String] = []
        var unknown: [String] = []
        for name in raw.text.split(whereSeparator: \.isWhitespace) {
            switch name.lowercased() {
            case "tlsv1.2": secure.append(.tls1_2)
            case "tlsv1.3": secure.append(.tls1_3)
            case "sslv2": insecure.append("SSLv2")
            case "sslv3": insecure.append("SSLv3")
            case "tlsv1": insecure.append("TLSv1")
            case "tlsv1.1": insecure.append("TLSv1.1")
            default: unknown.append(String(name).quotedForReport)
            }
        }
        guard unknown.isEmpty else {
            refuse(.sslProtocols,
                "unknown protocol \(unknown.joined(separator: ", "));"
                    + " expected names among SSLv2 SSLv3 TLSv1 TLSv1.1 TLSv1.2 TLSv1.3",
                from: raw.source)
            return secureDefault
        }
        let protocols = secure.min().flatMap { lowest in secure.max().map { lowest...$0 } } ?? secureDefault
        if !insecure.isEmpty {
            report(.warning, .sslProtocols,
                "dropped insecure \(insecure.uniqued().joined(separator: ", ")); using \(TLSProtocolVersion.names(of: protocols))",
                from: raw.source)
        }
        return protocols
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each only the first time it appears.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
