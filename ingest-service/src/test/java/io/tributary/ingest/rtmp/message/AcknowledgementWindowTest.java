package io.tributary.ingest.rtmp.message;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AcknowledgementWindowTest {

    @Test
    void sendsNothingBeforeThePeerAnnouncesAWindow() {
        AcknowledgementWindow window = new AcknowledgementWindow();
        assertEquals(Optional.empty(), window.received(10_000_000));
    }

    @Test
    void acknowledgesEachFullWindowWithTheTotalReceived() {
        AcknowledgementWindow window = new AcknowledgementWindow();
        window.windowSize(1000);
        assertEquals(Optional.empty(), window.received(999));
        assertEquals(Optional.of(new Acknowledgement(1000)), window.received(1));
        assertEquals(Optional.empty(), window.received(500));
        assertEquals(Optional.of(new Acknowledgement(3000)), window.received(1500));
        assertEquals(3000, window.totalReceived());
    }

    @Test
    void wrapsTheSequenceNumberModulo2Pow32() {
        AcknowledgementWindow window = new AcknowledgementWindow();
        window.received(0xFFFF_FFF0L);
        window.windowSize(0x20);
        assertEquals(Optional.of(new Acknowledgement(0x10)), window.received(0x20));
    }
}
