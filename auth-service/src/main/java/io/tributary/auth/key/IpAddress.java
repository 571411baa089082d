package io.tributary.auth.key;

/**
 * An IPv4 or IPv6 address parsed from its text form without any name resolution ({@link java.net.InetAddress}
 * would resolve a host name, so it is not used on untrusted input).
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}, RFC 4291 §2.5.5.2) is the IPv4 address: a dual-stack
 * socket reports IPv4 peers that way, and the allow-list {@code 192.0.2.0/24} must match them.
 *
 * @param family which family
 * @param high   bits 0-63 of an IPv6 address; 0 for IPv4
 * @param low    bits 64-127 of an IPv6 address; the 32-bit value for IPv4
 */
public record IpAddress(Family family, long high, long low) {

    public enum Family {
        IPV4(32), IPV6(128);

        public final int bits;

        Family(int bits) {
            this.bits = bits;
        }
    }

    /** Longest text accepted: a full IPv6 address with an embedded IPv4 part is 45 characters. */
    static final int MAX_TEXT_LENGTH = 45;

    private static final long MAPPED_PREFIX = 0xFFFFL << 32;

    public IpAddress {
        if (family == Family.IPV4 && (high != 0 || (low >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address out of range");
        }
    }

    public static IpAddress ipv4(long value) {
        return new IpAddress(Family.IPV4, 0, value & 0xFFFF_FFFFL);
    }

    /**
     * Parses a literal IPv4 (dotted quad, no leading zeros) or IPv6 (RFC 4291 §2.2 text forms) address.
     *
     * @throws IllegalArgumentException if {@code text} is not exactly one address literal
     */
    public static IpAddress parse(String text) {
        return normalise(parseRaw(text));
    }

    /** Parses without mapping {@code ::ffff:a.b.c.d} to IPv4; {@link CidrRange} needs the written family. */
    static IpAddress parseRaw(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("empty IP address");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("IP address too long");
        }
        return text.indexOf(':') >= 0 ? parseIpv6(text) : ipv4(parseIpv4(text, 0, text.length()));
    }

    static IpAddress normalise(IpAddress raw) {
        if (raw.isIpv4Mapped()) {
            return ipv4(raw.low);
        }
        return raw;
    }

    /** True for {@code ::ffff:0:0/96}. */
    boolean isIpv4Mapped() {
        return family == Family.IPV6 && high == 0 && (low & 0xFFFF_FFFF_0000_0000L) == MAPPED_PREFIX;
    }

    private static long parseIpv4(String s, int from, int to) {
        long value = 0;
        int parts = 0;
        int i = from;
        while (true) {
            int start = i;
            int part = 0;
            while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                part = part * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3) {
                    throw invalid(s);
                }
            }
            int digits = i - start;
            // A leading zero is rejected: some parsers read "010" as octal 8, so it is ambiguous.
            if (digits == 0 || part > 255 || (digits > 1 && s.charAt(start) == '0')) {
                throw invalid(s);
            }
            value = (value << 8) | part;
            parts++;
            if (i == to) {
                break;
            }
            if (s.charAt(i) != '.' || parts == 4) {
                throw invalid(s);
            }
            i++;
        }
        if (parts != 4) {
            throw invalid(s);
        }
        return value;
    }

    private static IpAddress parseIpv6(String s) {
        int[] groups = new int[8];
        int count = 0;
        int gap = -1; // index in groups where "::" stands
        int i = 0;
        int n = s.length();
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (s.charAt(0) == ':') {
            throw invalid(s);
        }
        while (i < n) {
            int start = i;
            int value = 0;
            while (i < n && hexDigit(s.charAt(i)) >= 0) {
                value = (value << 4) | hexDigit(s.charAt(i));
                i++;
                if (i - start > 4) {
                    break;
                }
            }
            if (i < n && s.charAt(i) == '.') {
                // An embedded IPv4 address ends the text and fills the last two groups (RFC 4291 §2.2 form 3).
                if (count > 6) {
                    throw invalid(s);
                }
                long v4 = parseIpv4(s, start, n);
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xFFFF);
                i = n;
                break;
            }
            int digits = i - start;
            if (digits == 0 || digits > 4 || count == 8) {
                throw invalid(s);
            }
            groups[count++] = value;
            if (i == n) {
                break;
            }
            if (s.charAt(i) != ':') {
                throw invalid(s);
            }
            i++;
            if (i < n && s.charAt(i) == ':') {
                if (gap >= 0) {
                    throw invalid(s); // "::" may appear once
                }
                gap = count;
                i++;
            } else if (i == n) {
                throw invalid(s); // a single trailing ':'
            }
        }
        if (gap < 0 && count != 8) {
            throw invalid(s);
        }
        if (gap >= 0 && count > 7) {
            throw invalid(s); // "::" stands for at least one group
        }
        int[] full = new int[8];
        int tail = count - Math.max(gap, 0);
        if (gap < 0) {
            System.arraycopy(groups, 0, full, 0, 8);
        } else {
            System.arraycopy(groups, 0, full, 0, gap);
            System.arraycopy(groups, gap, full, 8 - tail, tail);
        }
        long high = 0;
        long low = 0;
        for (int g = 0; g < 4; g++) {
            high = (high << 16) | full[g];
            low = (low << 16) | full[g + 4];
        }
        return new IpAddress(Family.IPV6, high, low);
    }

    /** ASCII only: {@link Character#digit} would also accept other scripts' digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static IllegalArgumentException invalid(String s) {
        // The text is not echoed: it is untrusted and may be anything a client put there.
        return new IllegalArgumentException("not an IPv4 or IPv6 address literal");
    }

    /** Canonical text: dotted quad, or RFC 5952 for IPv6 (lowercase, longest zero run compressed). */
    @Override
    public String toString() {
        if (family == Family.IPV4) {
            return (low >>> 24) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "." + (low & 0xFF);
        }
        int[] g = new int[8];
        for (int k = 0; k < 4; k++) {
            g[k] = (int) ((high >>> (48 - 16 * k)) & 0xFFFF);
            g[k + 4] = (int) ((low >>> (48 - 16 * k)) & 0xFFFF);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 §4.2.2: a single zero group is not compressed
        for (int k = 0; k < 8; ) {
            if (g[k] != 0) {
                k++;
                continue;
            }
            int start = k;
            while (k < 8 && g[k] == 0) {
                k++;
            }
            if (k - start > bestLength) {
                bestStart = start;
                bestLength = k - start;
            }
        }
        StringBuilder out = new StringBuilder(39);
        for (int k = 0; k < 8; k++) {
            if (k == bestStart) {
                out.append("::");
                k += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(g[k]));
        }
        return out.toString();
    }
}
