package io.tributary.auth.key;

import java.util.Objects;

/**
 * A block of addresses in CIDR notation (RFC 4632 §3.1 for IPv4, RFC 4291 §2.3 for IPv6), as written in a key's
 * allow-list: {@code 203.0.113.0/24}, {@code 2001:db8::/32}, or a single address without a prefix length.
 *
 * <p>Families are kept apart: an IPv4 range matches IPv4 clients (also when they arrive IPv4-mapped,
 * {@code ::ffff:203.0.113.7}); an IPv6 range matches IPv6 clients. An IPv6 range written inside the mapped block
 * ({@code ::ffff:203.0.113.0/120}) is the IPv4 range it maps. {@code ::/0} therefore means "every IPv6 client", not
 * "everyone": an allow-list for anywhere is no allow-list.
 *
 * <p>A network address with host bits set ({@code 203.0.113.7/24}) is rejected rather than silently widened: it is
 * almost always a typo for a /32 or for the network.
 *
 * @param network the first address, host bits zero
 * @param prefix  number of leading bits that must match, 0 to 32 or 128
 */
public record CidrRange(IpAddress network, int prefix) {

    /** Longest text accepted: a 45-character IPv6 literal plus "/128". */
    static final int MAX_TEXT_LENGTH = IpAddress.MAX_TEXT_LENGTH + 4;

    public CidrRange {
        Objects.requireNonNull(network, "network");
        if (prefix < 0 || prefix > network.family().bits) {
            throw new IllegalArgumentException("prefix length out of range");
        }
        if (!network.equals(mask(network, prefix))) {
            throw new IllegalArgumentException("address has bits set beyond the prefix length; write the network "
                    + "address, e.g. " + new CidrRange(mask(network, prefix), prefix));
        }
    }

    /**
     * Parses {@code address[/prefix]}.
     *
     * @throws IllegalArgumentException with a message fit for an API error
     */
    public static CidrRange parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty CIDR range");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("CIDR range too long");
        }
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        IpAddress raw = IpAddress.parseRaw(addressText);
        int prefix = slash < 0 ? raw.family().bits : parsePrefix(text.substring(slash + 1), raw.family().bits);
        if (raw.isIpv4Mapped() && prefix >= 96) {
            return new CidrRange(IpAddress.normalise(raw), prefix - 96);
        }
        return new CidrRange(raw, prefix);
    }

    private static int parsePrefix(String s, int max) {
        // Decimal digits only, no sign, no leading zeros: "/024" and "/+24" are not CIDR.
        if (s.isEmpty() || s.length() > 3 || (s.length() > 1 && s.charAt(0) == '0')) {
            throw new IllegalArgumentException("invalid prefix length");
        }
        int value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("invalid prefix length");
            }
            value = value * 10 + (c - '0');
        }
        if (value > max) {
            throw new IllegalArgumentException("prefix length above " + max);
        }
        return value;
    }

    /** Whether {@code address} (already normalised by {@link IpAddress#parse}) lies in this range. */
    public boolean contains(IpAddress address) {
        return address.family() == network.family() && mask(address, prefix).equals(network);
    }

    static IpAddress mask(IpAddress address, int prefix) {
        if (address.family() == IpAddress.Family.IPV4) {
            long mask = prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
            return IpAddress.ipv4(address.low() & mask);
        }
        // Java masks shift distances to 6 bits, so the 0 and 64 cases are spelled out.
        long highMask = prefix >= 64 ? -1L : prefix == 0 ? 0 : -1L << (64 - prefix);
        long lowMask = prefix <= 64 ? 0 : prefix == 128 ? -1L : -1L << (128 - prefix);
        return new IpAddress(IpAddress.Family.IPV6, address.high() & highMask, address.low() & lowMask);
    }

    /** Canonical text, always with the prefix length: {@code 203.0.113.0/24}, {@code 2001:db8::/32}. */
    @Override
    public String toString() {
        return network + "/" + prefix;
    }
}
