/// Which listener accepted a connection: it decides TLS and what the plain port may serve.
enum ListenerPort: Sendable {
    /// FAYE_HTTPS_PORT: TLS, everything served.
    case secure
    /// FAYE_HTTP_PORT while TLS is on: redirects to https, and /healthz.
    case redirect
    /// FAYE_HTTP_PORT with FAYE_USE_SSL=0: everything served in clear text.
    case plain
}
