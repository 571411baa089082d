package io.tributary.ingest.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.ingest.rtmp.FlvTag;
import io.tributary.ingest.rtmp.RecordedSession;
import io.tributary.media.event.StopReason;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;
import io.tributary.media.gop.GopRecordReader;
import io.tributary.testsupport.quarkus.KafkaTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recorded publish sessions of real clients ({@code src/test/resources/vectors/rtmp}, see PROVENANCE.md there:
 * FFmpeg 5.1 and 7.1 with H.264, HEVC and AV1, GStreamer's rtmp2sink) replayed byte for byte over a real socket, all
 * at once (the client's commands and media arrive before any answer, as a pipelining client sends them): every coded
 * frame the recording server received comes out in the GOP records, in order, with its timestamp.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(IngestTestResource.class)
class RecordedVectorsIT {

    /** The stand-in auth-service maps the vectors' stream key ("key") to this channel. */
    private static final String CHANNEL = "vectors";

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void replaysARecordedClientIntoGopRecordsOfEveryFrame(RecordedSession session) throws Exception {
        Set<String> earlier = Broadcast.sessionsOf(CHANNEL);
        try (RtmpTestClient client = RtmpTestClient.open(Broadcast.rtmpPort())) {
            client.sendRaw(session.clientToServer());
            client.readHandshakeAnswer();
            assertEquals("NetStream.Publish.Start", client.awaitStatus().orElseThrow());
            // the replay ends with FCUnpublish: hang up once it is answered, so no byte of the replay is cut off
            client.awaitCommand("onFCUnpublish").orElseThrow();
        }
        Broadcast broadcast = Broadcast.awaitEnd(CHANNEL, earlier);
        broadcast.assertCompleteSession();
        assertEquals(StopReason.PUBLISHER_CLOSED, broadcast.stopped().get(0).reason());

        List<FlvTag> received = session.receivedMediaTags();
        List<FlvTag> expected = codedFrames(received);
        List<FlvTag> carried = new ArrayList<>();
        for (Broadcast.Gop gop : broadcast.gops()) {
            for (io.tributary.media.flv.FlvTag tag : GopRecordReader.read(gop.value()).tags()) {
                carried.add(new FlvTag(tag.tagType(), tag.timestamp(), tag.body()));
            }
        }
        assertEquals(expected.size(), carried.size(), "coded frames");
        long base = received.get(0).timestamp(); // media time starts at the session's first media message
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).type(), carried.get(i).type(), "type of frame " + i);
            assertEquals(expected.get(i).timestamp() - base, carried.get(i).timestamp(), "time of frame " + i);
            assertArrayEquals(expected.get(i).body(), carried.get(i).body(), "frame " + i);
        }
    }

    /** What a GOP record carries as tags: coded audio and video frames (sequence headers go to its preamble). */
    private static List<FlvTag> codedFrames(List<FlvTag> tags) {
        List<FlvTag> frames = new ArrayList<>();
        for (FlvTag t : tags) {
            boolean coded = t.type() == 9
                    ? VideoPacket.of(new VideoTag(t.timestamp(), t.body())).kind() == VideoPacket.Kind.CODED_FRAMES
                    : AudioPacket.of(new AudioTag(t.timestamp(), t.body())).kind() == AudioPacket.Kind.CODED_FRAMES;
            if (coded) {
                frames.add(t);
            }
        }
        return frames;
    }
}
