import Foundation

/// Canonical form of an article URL, used to recognise the same article under trivially different
/// addresses.
///
/// Conservative on purpose: scheme and host are lower-cased, the default port, the fragment and
/// tracking parameters (`utm_*`, `fbclid`, `gclid`) are dropped. `http` and `https` stay distinct,
/// because outlets do serve different pages under them and telling copies apart is the near-duplicate
/// stage's job, not the URL's.
public enum CanonicalURL {
    static let trackingParameters: Set<String> = ["fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "ocid"]

    /// `raw` canonicalized when it is an http or https URL with a host (a feed's address); nil for
    /// any other scheme ("httpx://" passed a prefix test for "http").
    public static func web(_ raw: String) -> String? {
        guard let url = canonicalize(raw), let parts = URLComponents(string: url),
              let scheme = parts.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = parts.host, !host.isEmpty else { return nil }
        return url
    }

    public static func canonicalize(_ raw: String) -> String? {
        let trimmed = raw.trimmed
        guard !trimmed.isEmpty, var parts = URLComponents(string: trimmed) ?? URLComponents(string: encodeSpaces(trimmed)),
              let scheme = parts.scheme?.lowercased(), let host = parts.host, !host.isEmpty
        else { return nil }
        // a port outside 1–65535 is no address (URLComponents takes any number)
        if let port = parts.port, !(1...65535).contains(port) { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        if (scheme == "http" && parts.port == 80) || (scheme == "https" && parts.port == 443) { parts.port = nil }
        parts.fragment = nil
        if let items = parts.queryItems {
            let kept = items.filter { item in
                let name = item.name.lowercased()
                return !name.hasPrefix("utm_") && !trackingParameters.contains(name)
            }
            parts.queryItems = kept.isEmpty ? nil : kept
        }
        if parts.path.isEmpty { parts.path = "/" }
        return parts.string
    }

    private static func encodeSpaces(_ s: String) -> String {
        s.replacingOccurrences(of: " ", with: "%20")
    }
}
