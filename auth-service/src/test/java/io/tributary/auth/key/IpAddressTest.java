package io.tributary.auth.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    /** (text as written, canonical text) */
    record Case(String text, String canonical) {
    }

    static final List<Case> VALID = List.of(
            new Case("0.0.0.0", "0.0.0.0"),
            new Case("203.0.113.7", "203.0.113.7"),
            new Case("255.255.255.255", "255.255.255.255"),
            new Case("::", "::"),
            new Case("::1", "::1"),
            new Case("1::", "1::"),
            new Case("2001:DB8::1", "2001:db8::1"),
            new Case("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
            new Case("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),             // RFC 5952 §4.2.3: first longest run
            new Case("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),          // §4.2.2: one zero group stays
            new Case("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
            new Case("::ffff:203.0.113.7", "203.0.113.7"),                     // IPv4-mapped is IPv4
            new Case("::FFFF:cb00:7107", "203.0.113.7"),
            new Case("::203.0.113.7", "::cb00:7107"),                          // IPv4-compatible is not mapped
            new Case("64:ff9b::203.0.113.7", "64:ff9b::cb00:7107"),
            new Case("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"));

    @Test
    void parsesAndPrintsCanonicalForms() {
        for (Case c : VALID) {
            assertEquals(c.canonical(), IpAddress.parse(c.text()).toString(), c.text());
        }
    }

    @Test
    void canonicalFormParsesToTheSameAddress() {
        for (Case c : VALID) {
            IpAddress a = IpAddress.parse(c.text());
            assertEquals(a, IpAddress.parse(a.toString()), c.text());
        }
    }

    @Test
    void mappedAddressIsTheIpv4Address() {
        assertEquals(IpAddress.parse("192.0.2.1"), IpAddress.parse("::ffff:192.0.2.1"));
        assertEquals(IpAddress.Family.IPV4, IpAddress.parse("::ffff:192.0.2.1").family());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3", "1.2.3.4.",
            ".1.2.3.4", "+1.2.3.4", "1.2.3.-4", "1.2.3.4 ", " 1.2.3.4", "localhost", "example.com", "1.2.3.1234",
            ":", ":::", "1:::2", "1::2::3", ":1::2", "1::2:", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "12345::",
            "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8", "g::1", "::ffff:1.2.3", "::ffff:1.2.3.256",
            "1:2:3:4:5:6:7:1.2.3.4", "::1%eth0", "[::1]", "fe80::1%1", "١.٢.٣.٤", "::١",
            "0000000000000000000000000000000000000000000000"})
    void rejectsWhatIsNotExactlyOneLiteral(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(text));
        assertEquals(false, e.getMessage().contains(text) && !text.isEmpty(), "the input is not echoed");
    }

    @Test
    void rejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> IpAddress.parse(null));
    }
}
