import CLinux
import Glibc

/// Sends every connection from one client address to the same listener of a
/// SO_REUSEPORT group, and so to the same loop. Requests one publisher sends at once
/// over several connections (Faye's long-polling client does) are then read and
/// processed by one thread in arrival order, as a single-threaded Faye would, instead
/// of racing on two threads and reaching subscribers out of order.
///
/// A classic BPF program, run by the kernel on each new connection: load the source
/// address (IPv4, or the last 32 bits of IPv6) from the network header and take it
/// modulo the group size; the result indexes the group in the order its sockets were bound.
public enum SourceAddressAffinity {
    /// Attaches the program to the group `fd` belongs to; false if the kernel refused it
    /// (the kernel's own 4-tuple hash then spreads connections).
    public static func attach(to fd: Int32, groupSize: Int) -> Bool {
        guard groupSize > 1 else { return true }
        let net = CLinux_SKF_NET_OFF
        var program: [sock_filter] = [
            // A = first byte of the IP header; version in the top four bits.
            sock_filter(code: UInt16(BPF_LD | BPF_B | BPF_ABS), jt: 0, jf: 0, k: net),
            sock_filter(code: UInt16(BPF_ALU | BPF_RSH | BPF_K), jt: 0, jf: 0, k: 4),
            sock_filter(code: UInt16(BPF_JMP | BPF_JEQ | BPF_K), jt: 0, jf: 2, k: 4),
            // IPv4: source address at offset 12.
            sock_filter(code: UInt16(BPF_LD | BPF_W | BPF_ABS), jt: 0, jf: 0, k: net &+ 12),
            sock_filter(code: UInt16(BPF_JMP | BPF_JA), jt: 0, jf: 0, k: 1),
            // IPv6: the source address is bytes 8-23; its last word varies most.
            sock_filter(code: UInt16(BPF_LD | BPF_W | BPF_ABS), jt: 0, jf: 0, k: net &+ 20),
            sock_filter(code: UInt16(BPF_ALU | BPF_MOD | BPF_K), jt: 0, jf: 0, k: UInt32(groupSize)),
            sock_filter(code: UInt16(BPF_RET | BPF_A), jt: 0, jf: 0, k: 0),
        ]
        return program.withUnsafeMutableBufferPointer { instructions in
            var filter = sock_fprog(len: UInt16(instructions.count), filter: instructions.baseAddress)
            return setsockopt(fd, SOL_SOCKET, CLinux_SO_ATTACH_REUSEPORT_CBPF, &filter,
                              socklen_t(MemoryLayout<sock_fprog>.size)) == 0
        }
    }
}
