import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The names processes hold leases under: `HOST-ROLE-PID-NONCE` (the nonce keeps two processes
/// that reuse a pid apart), so a holder can be told to be a process of this host that has ended.
public enum LeaseOwner {
    public static func name(role: String) -> String {
        "\(host)-\(role)-\(getpid())-\(UInt32.random(in: 0...UInt32.max) % 100_000)"
    }

    static let host = ProcessInfo.processInfo.hostName

    /// Whether `owner` names a process of this host that no longer runs. Any doubt (another host,
    /// a name of another shape, a pid that is alive or belongs to another user) is "no": the lease
    /// then runs out as it would have.
    public static func isGone(_ owner: String) -> Bool {
        guard owner.hasPrefix(host + "-") else { return false }
        let parts = owner.dropFirst(host.count + 1).split(separator: "-")
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0, UInt32(parts[parts.count - 1]) != nil else {
            return false
        }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
