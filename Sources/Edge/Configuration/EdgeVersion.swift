/// What --version prints.
enum EdgeVersion {
    static let current = "0.1.0-dev"
    static let line = "bayeux-edge \(current)"
}
