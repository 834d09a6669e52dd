/// Why the publisher-token rule refused a publish: the text after `403:<channel>:`. None of
/// them repeats what the client sent.
enum PublishRefusal: String, Sendable {
    /// No tokens file: no client may publish.
    case publishingDisabled = "Publishing disabled"
    /// `ext.service` or `ext.auth_token` absent or not a string.
    case missingCredentials = "Missing credentials"
    case unknownService = "Unknown service"
    case invalidToken = "Invalid token"
    case originMismatch = "Origin mismatch"
}
