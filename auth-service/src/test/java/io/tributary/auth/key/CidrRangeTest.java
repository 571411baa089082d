package io.tributary.auth.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrRangeTest {

    /** (range as written, canonical form, an address inside, an address outside or null when none exists) */
    record Case(String range, String canonical, String inside, String outside) {
    }

    static final List<Case> CASES = List.of(
            // IPv4
            new Case("203.0.113.0/24", "203.0.113.0/24", "203.0.113.255", "203.0.114.0"),
            new Case("203.0.113.7", "203.0.113.7/32", "203.0.113.7", "203.0.113.8"),
            new Case("203.0.113.7/32", "203.0.113.7/32", "203.0.113.7", "203.0.113.6"),
            new Case("0.0.0.0/0", "0.0.0.0/0", "255.255.255.255", "::1"),                 // prefix 0: every IPv4
            new Case("128.0.0.0/1", "128.0.0.0/1", "128.0.0.0", "127.255.255.255"),
            new Case("10.0.0.0/8", "10.0.0.0/8", "10.255.255.255", "11.0.0.0"),
            new Case("198.51.100.128/25", "198.51.100.128/25", "198.51.100.200", "198.51.100.127"),
            // IPv4 clients arriving IPv4-mapped
            new Case("203.0.113.0/24", "203.0.113.0/24", "::ffff:203.0.113.9", "::ffff:203.0.112.9"),
            // an IPv4 range written in the mapped block
            new Case("::ffff:203.0.113.0/120", "203.0.113.0/24", "203.0.113.1", "203.0.112.1"),
            new Case("::ffff:0:0/96", "0.0.0.0/0", "192.0.2.1", "2001:db8::1"),
            new Case("::ffff:203.0.113.7/128", "203.0.113.7/32", "::ffff:203.0.113.7", "203.0.113.6"),
            // IPv6
            new Case("2001:db8::/32", "2001:db8::/32", "2001:db8:ffff::1", "2001:db9::"),
            new Case("2001:DB8:0:0::/64", "2001:db8::/64", "2001:db8::ffff:ffff:ffff:ffff", "2001:db8:0:1::"),
            new Case("2001:db8::/63", "2001:db8::/63", "2001:db8:0:1::1", "2001:db8:0:2::"),
            new Case("2001:db8::/65", "2001:db8::/65", "2001:db8::7fff:ffff:ffff:ffff", "2001:db8::8000:0:0:0"),
            new Case("2001:db8::1/128", "2001:db8::1/128", "2001:db8::1", "2001:db8::2"),
            new Case("::/0", "::/0", "2001:db8::1", "192.0.2.1"),                        // prefix 0: every IPv6 only
            new Case("::1", "::1/128", "::1", "::2"),
            new Case("8000::/1", "8000::/1", "ffff::", "7fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
            new Case("fe80::/10", "fe80::/10", "febf::1", "fec0::"),
            // a mapped client does not match an IPv6 range that happens to contain ::ffff:0:0/96
            new Case("::/80", "::/80", "::1", "::ffff:192.0.2.1"));

    @Test
    void parsesToCanonicalForm() {
        for (Case c : CASES) {
            assertEquals(c.canonical(), CidrRange.parse(c.range()).toString(), c.range());
        }
    }

    @Test
    void containsAddressesInside() {
        for (Case c : CASES) {
            assertEquals(true, CidrRange.parse(c.range()).contains(IpAddress.parse(c.inside())),
                    c.range() + " contains " + c.inside());
        }
    }

    @Test
    void excludesAddressesOutside() {
        for (Case c : CASES) {
            assertEquals(false, CidrRange.parse(c.range()).contains(IpAddress.parse(c.outside())),
                    c.range() + " excludes " + c.outside());
        }
    }

    @Test
    void canonicalFormParsesToTheSameRange() {
        for (Case c : CASES) {
            CidrRange r = CidrRange.parse(c.range());
            assertEquals(r, CidrRange.parse(r.toString()), c.range());
        }
    }

    @Test
    void rejectsHostBitsAndSuggestsTheNetwork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CidrRange.parse("203.0.113.7/24"));
        assertEquals(true, e.getMessage().contains("203.0.113.0/24"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("2001:db8::1/64"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("1.0.0.0/0"));
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("::1/0"));
        // the mapped prefix ffff lies in host bits below /96
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse("::ffff:0:0/95"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/24", "203.0.113.0/", "203.0.113.0/33", "2001:db8::/129", "203.0.113.0/-1",
            "203.0.113.0/+24", "203.0.113.0/024", "203.0.113.0/24/1", "203.0.113.0/2a", "203.0.113.0 /24",
            "host.example/24", "2001:db8::/64%eth0", "203.0.113.0/1000"})
    void rejectsMalformedRanges(String text) {
        assertThrows(IllegalArgumentException.class, () -> CidrRange.parse(text));
    }
}
