extension String {
    /// Prefix and suffix tests on UTF-8 bytes. String's own compare Unicode characters
    /// (canonical equivalence), which costs far more, and paths are compared per request.
    func hasBytePrefix(_ prefix: String) -> Bool {
        utf8.starts(with: prefix.utf8)
    }

    func hasByteSuffix(_ suffix: String) -> Bool {
        utf8.count >= suffix.utf8.count && utf8.suffix(suffix.utf8.count).elementsEqual(suffix.utf8)
    }
}
