package io.tributary.auth.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PublishQueryTest {

    @Test
    void findsTheTokenParameter() {
        assertEquals(Optional.of("v1.alice.1.sig"), PublishQuery.token("token=v1.alice.1.sig"));
        assertEquals(Optional.of("v1.alice.1.sig"), PublishQuery.token("?token=v1.alice.1.sig"));
        assertEquals(Optional.of("v1.alice.1.sig"), PublishQuery.token("a=b&token=v1.alice.1.sig&c"));
        assertEquals(Optional.of("v1.a-b.1.s_g"), PublishQuery.token("token=v1.a%2Db.1.s_g"));
    }

    @Test
    void firstNonEmptyTokenWins() {
        assertEquals(Optional.of("one"), PublishQuery.token("token=&token=one&token=two"));
    }

    @Test
    void noTokenWhenAbsentOrUndecodable() {
        assertEquals(Optional.empty(), PublishQuery.token(null));
        assertEquals(Optional.empty(), PublishQuery.token(""));
        assertEquals(Optional.empty(), PublishQuery.token("tokens=x&xtoken=y&token"));
        assertEquals(Optional.empty(), PublishQuery.token("token=%zz"));
    }
}
