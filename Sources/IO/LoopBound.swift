/// Carries a loop-confined object to the loop that owns it (through `execute`), where
/// alone it is used. The compiler cannot see that rule, hence `@unchecked Sendable`:
/// only wrap an object whose every use in the closure happens on its own loop.
public struct LoopBound<Value>: @unchecked Sendable {
    public let value: Value

    public init(_ value: Value) {
        self.value = value
    }
}
