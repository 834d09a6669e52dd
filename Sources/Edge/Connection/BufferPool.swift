/// Byte arrays lent to connections for their output queues. A connection holds one only
/// while it has bytes to send, so an idle connection keeps no buffer, and a busy loop
/// does not allocate and free one per connection per pass.
///
/// Loop-confined.
struct BufferPool {
    private var free: [[UInt8]] = []
    /// Enough for every connection written in one busy pass to find one.
    private static let maxPooled = 1024
    /// Larger buffers (a burst to one slow reader) go back to the allocator.
    private static let maxPooledCapacity = 64 * 1024
    private static let initialCapacity = 4096

    mutating func take() -> [UInt8] {
        if let buffer = free.popLast() { return buffer }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(Self.initialCapacity)
        return buffer
    }

    /// Takes `buffer` back (emptied) and leaves `[]`, holding nothing, in its place.
    mutating func give(_ buffer: inout [UInt8]) {
        var returned: [UInt8] = []
        swap(&returned, &buffer)
        guard returned.capacity > 0, returned.capacity <= Self.maxPooledCapacity, free.count < Self.maxPooled else { return }
        returned.removeAll(keepingCapacity: true)
        free.append(returned)
    }
}
