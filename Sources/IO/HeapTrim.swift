import CLinux

/// Gives the pages of freed memory back to the kernel. A burst of TLS handshakes
/// allocates and frees tens of KiB per connection; the survivors' small allocations
/// pin the freed pages between them, and only malloc_trim releases those.
public enum HeapTrim {
    public static func now() {
        _ = malloc_trim(0)
    }
}
