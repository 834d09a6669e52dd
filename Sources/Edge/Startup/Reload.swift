/// SIGHUP: certificate, key and tokens are read again. Each part that is invalid keeps
/// its old version in use and says why; the process never exits on a reload.
enum Reload {
    static func perform(_ state: EdgeState) {
        var succeeded = true
        if let store = state.tls {
            switch store.reload() {
            case .success(let context):
                state.log.info("reload: certificate loaded", [("serial", context.certificate.serialHex),
                                                               ("subject", context.certificate.subject),
                                                               ("notAfter", context.certificate.notAfter)])
            case .failure(let error):
                succeeded = false
                state.log.error("reload: certificate kept, the new files are invalid", [("error", error.description)])
            }
        }
        let path = state.configuration.tokensFile
        switch TokensStartup.load(path) {
        case .loaded(let tokens):
            state.bayeux.replacePublishers(tokens)
            state.log.info("reload: tokens loaded", [("services", tokens.serviceNames.joined(separator: ","))])
        case .missing:
            state.bayeux.replacePublishers(nil)
            state.log.warning("reload: no tokens file; every publish from a client is now refused", [("file", path)])
        case .unreadable(let reason), .invalid(let reason):
            succeeded = false
            state.log.error("reload: tokens kept, the new file is invalid", [("error", reason)])
        }
        if succeeded { state.metrics.reloads.increment() } else { state.metrics.reloadFailures.increment() }
    }
}
