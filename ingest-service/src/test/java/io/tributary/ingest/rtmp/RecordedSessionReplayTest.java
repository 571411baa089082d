package io.tributary.ingest.rtmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.rtmp.chunk.ChunkDecoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.command.CommandParser;
import io.tributary.ingest.rtmp.command.RtmpCommand;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.SetDataFrame;
import io.tributary.ingest.rtmp.command.RtmpCommand.Unknown;
import io.tributary.ingest.rtmp.handshake.DigestSchema;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.MessageDecoder;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.ingest.rtmp.message.SetPeerBandwidth;
import io.tributary.ingest.rtmp.message.UserControl;
import io.tributary.ingest.rtmp.message.UserControlEvent.StreamBegin;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.ingest.rtmp.message.WindowAcknowledgementSize;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every recorded session, replayed through handshake, chunk, message and command decoding. */
class RecordedSessionReplayTest {

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void decodesThePublishCommandsInOrder(RecordedSession session) {
        ServerPipeline p = replay(session.clientToServer(), Integer.MAX_VALUE, 0);
        List<String> names = new ArrayList<>();
        for (RtmpCommand c : p.parsed) {
            String name = c instanceof Unknown u ? u.name() : c.getClass().getSimpleName();
            if (names.isEmpty() || !names.get(names.size() - 1).equals(name)) {
                names.add(name);
            }
        }
        List<String> expected = session.isGstreamer()
                ? List.of("Connect", "ReleaseStream", "FCPublish", "CreateStream", "Publish", "SetDataFrame",
                        "FCUnpublish", "DeleteStream")
                : List.of("Connect", "ReleaseStream", "FCPublish", "CreateStream", "_checkbw", "Publish",
                        "SetDataFrame", "FCUnpublish", "DeleteStream");
        assertEquals(expected, names);
        long metadata = p.parsed.stream().filter(SetDataFrame.class::isInstance).count();
        assertEquals(session.isGstreamer() ? 16 : 1, metadata, "GStreamer repeats @setDataFrame");
        assertEquals(RecordedSession.HANDSHAKE_LENGTH, p.handshakeBytesSent, "S0 + S1 + S2 sent");
        assertEquals(ChunkDecoder.State.HEADER, p.chunks.state(), "ends on a message boundary");
    }

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void findsAppKeyAndMetadata(RecordedSession session) {
        ServerPipeline p = replay(session.clientToServer(), Integer.MAX_VALUE, 0);
        Connect connect = (Connect) p.parsed.get(0);
        assertEquals("live", connect.app().name());
        assertEquals("", connect.app().query());
        assertTrue(connect.tcUrl().startsWith("rtmp://127.0.0.1:"), "tcUrl");
        assertEquals(0, connect.objectEncoding());
        Publish publish = p.parsed.stream().filter(Publish.class::isInstance).map(Publish.class::cast)
                .findFirst().orElseThrow();
        assertEquals("key", publish.name().key().value());
        assertEquals("", publish.name().query());
        assertEquals("live", publish.publishType());
        assertEquals(1, publish.messageStreamId());
        SetDataFrame meta = p.parsed.stream().filter(SetDataFrame.class::isInstance).map(SetDataFrame.class::cast)
                .findFirst().orElseThrow();
        assertEquals("onMetaData", meta.dataName());
        assertTrue(meta.metadata().containsKey("videocodecid"), meta.metadata().keySet().toString());
        assertEquals(session.complexHandshake() ? Optional.of(DigestSchema.SCHEMA_0) : Optional.empty(),
                p.handshake.clientSchema());
    }

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void reassemblesTheMediaTheRecordingServerWrote(RecordedSession session) {
        ServerPipeline p = replay(session.clientToServer(), Integer.MAX_VALUE, 0);
        List<FlvTag> media = new ArrayList<>();
        for (RtmpMessage m : p.decoded) {
            if (m instanceof Audio a) {
                media.add(new FlvTag(8, a.timestamp(), a.payload()));
                assertEquals(1, a.messageStreamId());
            } else if (m instanceof Video v) {
                media.add(new FlvTag(9, v.timestamp(), v.payload()));
                assertEquals(1, v.messageStreamId());
            }
        }
        List<FlvTag> flv = session.receivedMediaTags();
        assertEquals(flv.size(), media.size(), "tag count");
        for (int i = 0; i < flv.size(); i++) {
            FlvTag expected = flv.get(i);
            FlvTag actual = media.get(i);
            assertEquals(expected.type(), actual.type(), "type of tag " + i);
            assertArrayEquals(expected.body(), actual.body(), "body of tag " + i);
            boolean gstreamerEndOfSequence = session.isGstreamer() && i == flv.size() - 1;
            if (gstreamerEndOfSequence) {
                // GStreamer sends its AVC end of sequence 89 ms after the last frame (format 1 delta); ffmpeg's
                // FLV muxer writes its own at the last video timestamp instead
                assertArrayEquals(new byte[] {0x17, 0x02, 0, 0, 0}, actual.body());
                assertEquals(3989, actual.timestamp());
                assertEquals(3900, expected.timestamp());
            } else {
                assertEquals(expected.timestamp(), actual.timestamp(), "timestamp of tag " + i);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void givesTheSameMessagesInRandomPieces(RecordedSession session) {
        byte[] c2s = session.clientToServer();
        List<RawMessage> whole = replay(c2s, Integer.MAX_VALUE, 0).raw;
        for (int seed = 1; seed <= 3; seed++) {
            assertEquals(whole, replay(c2s, 1 + seed * 700, seed).raw, "pieces up to " + (1 + seed * 700));
        }
        assertEquals(whole, replay(c2s, 7, 99).raw, "pieces of 1..7 bytes");
    }

    @ParameterizedTest
    @EnumSource(RecordedSession.class)
    void decodesWhatTheServerAnswered(RecordedSession session) {
        byte[] s2c = session.serverToClient();
        List<RtmpMessage> answers = new ArrayList<>();
        MessageDecoder decoder = new MessageDecoder(RtmpLimits.DEFAULTS);
        for (RawMessage raw : new ChunkDecoder(RtmpLimits.DEFAULTS)
                .feed(Arrays.copyOfRange(s2c, RecordedSession.HANDSHAKE_LENGTH, s2c.length))) {
            answers.add(decoder.decode(raw));
        }
        assertEquals(new WindowAcknowledgementSize(2_500_000), answers.get(0));
        assertEquals(new SetPeerBandwidth(2_500_000, SetPeerBandwidth.LimitType.DYNAMIC), answers.get(1));
        assertEquals(new UserControl(new StreamBegin(0)), answers.get(2));
        assertEquals(new SetChunkSize(128), answers.get(3));
        assertTrue(answers.contains(new UserControl(new StreamBegin(1))));
        CommandAmf0 onStatus = answers.stream().filter(CommandAmf0.class::isInstance).map(CommandAmf0.class::cast)
                .filter(c -> c.values().get(0).equals(AmfValue.string("onStatus"))).findFirst().orElseThrow();
        assertEquals(1, onStatus.messageStreamId());
        assertEquals(AmfValue.string("NetStream.Publish.Start"),
                ((AmfObject) onStatus.values().get(3)).properties().get("code"));
        CommandParser parser = new CommandParser(RtmpLimits.DEFAULTS);
        answers.forEach(parser::parse); // server commands parse too (as Unknown or their own type)
    }

    /** Replays {@code bytes} in pieces of 1..{@code maxPiece} bytes. */
    static ServerPipeline replay(byte[] bytes, int maxPiece, long seed) {
        ServerPipeline p = new ServerPipeline(RtmpLimits.DEFAULTS);
        Random random = new Random(seed);
        for (int at = 0; at < bytes.length; ) {
            int n = maxPiece == Integer.MAX_VALUE ? bytes.length : Math.min(bytes.length - at,
                    1 + random.nextInt(maxPiece));
            p.feed(ByteBuffer.wrap(bytes, at, n).slice());
            at += n;
        }
        return p;
    }
}
