package io.tributary.ingest.rtmp.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.ingest.rtmp.RtmpLimits;
import io.tributary.ingest.rtmp.RtmpProtocolException;
import io.tributary.ingest.rtmp.RtmpProtocolException.Reason;
import io.tributary.ingest.rtmp.command.RtmpCommand.CloseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.Connect;
import io.tributary.ingest.rtmp.command.RtmpCommand.CreateStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.DeleteStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCPublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.FCUnpublish;
import io.tributary.ingest.rtmp.command.RtmpCommand.GetStreamLength;
import io.tributary.ingest.rtmp.command.RtmpCommand.Publish;
import io.tributary.ingest.rtmp.command.RtmpCommand.ReleaseStream;
import io.tributary.ingest.rtmp.command.RtmpCommand.SetDataFrame;
import io.tributary.ingest.rtmp.command.RtmpCommand.Unknown;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.CommandAmf0;
import io.tributary.ingest.rtmp.message.CommandAmf3;
import io.tributary.ingest.rtmp.message.DataAmf0;
import io.tributary.ingest.rtmp.message.DataAmf3;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfEcmaArray;
import io.tributary.media.amf.AmfValue.AmfObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private final CommandParser parser = new CommandParser(RtmpLimits.DEFAULTS);

    @Test
    void parsesConnectWithItsProperties() {
        Map<String, AmfValue> props = new LinkedHashMap<>();
        props.put("app", AmfValue.string("live"));
        props.put("type", AmfValue.string("nonprivate"));
        props.put("flashVer", AmfValue.string("FMLE/3.0 (compatible; Lavf59.27.100)"));
        props.put("tcUrl", AmfValue.string("rtmp://127.0.0.1:1935/live"));
        props.put("objectEncoding", AmfValue.number(3));
        Connect c = (Connect) parse(command("connect", 1, new AmfObject(props)));
        assertEquals(1, c.transactionId());
        assertEquals(new AppName("live", ""), c.app());
        assertEquals("rtmp://127.0.0.1:1935/live", c.tcUrl());
        assertEquals("FMLE/3.0 (compatible; Lavf59.27.100)", c.flashVer());
        assertEquals(3, c.objectEncoding());
        assertEquals(List.copyOf(props.keySet()), List.copyOf(c.properties().keySet()), "wire order kept");
    }

    @Test
    void parsesConnectWithAnAppQueryAsLarixSendsIt() {
        Connect c = (Connect) parse(command("connect", 1, new AmfObject(Map.of(
                "app", AmfValue.string("live?user=u&pass=hunter2"),
                "tcUrl", AmfValue.string("rtmp://h/live?user=u&pass=hunter2")))));
        assertEquals(new AppName("live", "user=u&pass=hunter2"), c.app());
        assertEquals("", c.flashVer());
        assertEquals(0, c.objectEncoding());
        assertFalse(c.toString().contains("hunter2"), c.toString());
    }

    @Test
    void parsesConnectWithAnEcmaArrayCommandObject() {
        Connect c = (Connect) parse(command("connect", 1, new AmfEcmaArray(Map.of("app", AmfValue.string("a")))));
        assertEquals("a", c.app().name());
    }

    @Test
    void rejectsConnectWithoutACommandObject() {
        assertEquals(Reason.MALFORMED_COMMAND, reasonOf(command("connect", 1, AmfValue.NULL)));
        assertEquals(Reason.MALFORMED_COMMAND, reasonOf(command("connect", 1)));
    }

    @Test
    void parsesThePublishSequenceOfAnEncoder() {
        assertEquals(new ReleaseStream(2, PublishName.parse("sk_1")),
                parse(command("releaseStream", 2, AmfValue.NULL, AmfValue.string("sk_1"))));
        assertEquals(new FCPublish(3, PublishName.parse("sk_1")),
                parse(command("FCPublish", 3, AmfValue.NULL, AmfValue.string("sk_1"))));
        assertEquals(new CreateStream(4), parse(command("createStream", 4, AmfValue.NULL)));
        assertEquals(new Publish(5, 1, PublishName.parse("sk_1?token=t"), "live"),
                parse(onStream(1, command("publish", 5, AmfValue.NULL, AmfValue.string("sk_1?token=t"),
                        AmfValue.string("live")))));
        assertEquals(new FCUnpublish(6, PublishName.parse("sk_1")),
                parse(command("FCUnpublish", 6, AmfValue.NULL, AmfValue.string("sk_1"))));
        assertEquals(new DeleteStream(7, 1), parse(command("deleteStream", 7, AmfValue.NULL, AmfValue.number(1))));
        assertEquals(new CloseStream(0, 1), parse(onStream(1, command("closeStream", 0, AmfValue.NULL))));
        assertEquals(new GetStreamLength(8, PublishName.parse("sk_1")),
                parse(command("getStreamLength", 8, AmfValue.NULL, AmfValue.string("sk_1"))));
    }

    @Test
    void defaultsPublishTypeToLive() {
        Publish p = (Publish) parse(command("publish", 5, AmfValue.NULL, AmfValue.string("k")));
        assertEquals("live", p.publishType());
        assertEquals("record", ((Publish) parse(command("publish", 5, AmfValue.NULL, AmfValue.string("k"),
                AmfValue.string("record")))).publishType());
    }

    @Test
    void readsAPublishWithoutANameAsTheEmptyName() {
        for (List<AmfValue> values : List.<List<AmfValue>>of(
                List.of(AmfValue.string("publish"), AmfValue.number(0), AmfValue.NULL, AmfValue.string("")),
                List.of(AmfValue.string("publish"), AmfValue.number(0), AmfValue.NULL, AmfValue.NULL),
                List.of(AmfValue.string("publish"), AmfValue.number(0), AmfValue.NULL, AmfValue.bool(false)),
                List.of(AmfValue.string("publish"), AmfValue.number(0), AmfValue.NULL, AmfValue.UNDEFINED),
                List.of(AmfValue.string("publish"), AmfValue.number(0), AmfValue.NULL))) {
            Publish p = (Publish) parse(new CommandAmf0(1, 0, values));
            assertTrue(p.name().isEmpty(), values.toString());
        }
    }

    @Test
    void rejectsAPublishNameThatIsNotAString() {
        assertEquals(Reason.MALFORMED_COMMAND, reasonOf(command("publish", 5, AmfValue.NULL, AmfValue.number(1))));
        assertEquals(Reason.MALFORMED_COMMAND,
                reasonOf(command("FCPublish", 5, AmfValue.NULL, new AmfObject(Map.of()))));
    }

    @Test
    void readsGstreamersDeleteStreamWithANameAsStreamZero() {
        // GStreamer rtmp2sink sends deleteStream(0, null, "<stream name>")
        assertEquals(new DeleteStream(0, 0), parse(command("deleteStream", 0, AmfValue.NULL, AmfValue.string("k"))));
        assertEquals(new DeleteStream(0, 0), parse(command("deleteStream", 0, AmfValue.NULL, AmfValue.number(-1))));
        assertEquals(new DeleteStream(0, 0), parse(command("deleteStream", 0)));
    }

    @Test
    void takesTransactionIdZeroWhenItIsMissing() {
        assertEquals(new CreateStream(0), parse(new CommandAmf0(0, 0, List.of(AmfValue.string("createStream")))));
        assertEquals(new CreateStream(0), parse(new CommandAmf0(0, 0,
                List.of(AmfValue.string("createStream"), AmfValue.string("x")))));
    }

    @Test
    void keepsUnknownCommandsAsUnknown() {
        assertEquals(new Unknown("_checkbw", 5), parse(command("_checkbw", 5, AmfValue.NULL)));
        assertEquals(new Unknown("play", 2), parse(command("play", 2, AmfValue.NULL, AmfValue.string("x"))));
    }

    @Test
    void printsOnlyWellKnownUnknownNames() {
        assertTrue(new Unknown("_checkbw", 5).toString().contains("_checkbw"));
        assertFalse(new Unknown("sk_live_secret", 5).toString().contains("sk_live"));
    }

    @Test
    void rejectsACommandWithoutAName() {
        assertEquals(Reason.MALFORMED_COMMAND, reasonOf(new CommandAmf0(0, 0, List.of())));
        assertEquals(Reason.MALFORMED_COMMAND, reasonOf(new CommandAmf0(0, 0, List.of(AmfValue.number(1)))));
        assertEquals(Reason.MALFORMED_COMMAND, reasonOf(new DataAmf0(0, 0, List.of(AmfValue.NULL))));
    }

    @Test
    void parsesAmf3Commands() {
        assertEquals(new CreateStream(2), parse(new CommandAmf3(0, 0,
                List.of(AmfValue.string("createStream"), AmfValue.number(2), AmfValue.NULL))));
    }

    @Test
    void parsesSetDataFrameAndBareOnMetaData() {
        Map<String, AmfValue> meta = new LinkedHashMap<>();
        meta.put("width", AmfValue.number(640));
        meta.put("videocodecid", AmfValue.number(7));
        assertEquals(new SetDataFrame(1, 0, "onMetaData", meta), parse(new DataAmf0(1, 0, List.of(
                AmfValue.string("@setDataFrame"), AmfValue.string("onMetaData"), new AmfEcmaArray(meta)))));
        assertEquals(new SetDataFrame(1, 40, "onMetaData", meta), parse(new DataAmf0(1, 40, List.of(
                AmfValue.string("onMetaData"), new AmfObject(meta)))));
        assertEquals(new SetDataFrame(1, 0, "onMetaData", meta), parse(new DataAmf3(1, 0, List.of(
                AmfValue.string("@setDataFrame"), AmfValue.string("onMetaData"), new AmfObject(meta)))));
        assertEquals(new SetDataFrame(1, 0, "onMetaData", Map.of()), parse(new DataAmf0(1, 0, List.of(
                AmfValue.string("@setDataFrame"), AmfValue.string("onMetaData"), AmfValue.NULL))));
    }

    @Test
    void keepsOtherDataMessagesAsUnknown() {
        assertEquals(new Unknown("onTextData", 0), parse(new DataAmf0(1, 0, List.of(AmfValue.string("onTextData")))));
        assertEquals(new Unknown("@clearDataFrame", 0),
                parse(new DataAmf0(1, 0, List.of(AmfValue.string("@clearDataFrame")))));
    }

    @Test
    void ignoresMessagesThatAreNotCommandsOrData() {
        assertEquals(Optional.empty(), parser.parse(new Audio(1, 0, new byte[] {(byte) 0xAF})));
        assertEquals(Optional.empty(), parser.parse(new SetChunkSize(4096)));
    }

    @Test
    void rejectsEveryNameLongerThanMaxNameLength() {
        CommandParser strict = new CommandParser(new RtmpLimits(1000, 1000, 1000, 8, 8, 16));
        String ok = "a".repeat(16);
        String tooLong = "a".repeat(17);
        List<RtmpMessage> accepted = List.of(
                command(ok, 1),
                command("connect", 1, new AmfObject(Map.of("app", AmfValue.string(ok), "tcUrl", AmfValue.string(ok),
                        "flashVer", AmfValue.string(ok)))),
                command("publish", 1, AmfValue.NULL, AmfValue.string(ok), AmfValue.string(ok)),
                new DataAmf0(1, 0, List.of(AmfValue.string("@setDataFrame"), AmfValue.string(ok))));
        for (RtmpMessage m : accepted) {
            assertTrue(strict.parse(m).isPresent(), m.toString());
        }
        List<RtmpMessage> rejected = List.of(
                command(tooLong, 1),
                command("connect", 1, new AmfObject(Map.of("app", AmfValue.string(tooLong)))),
                command("connect", 1, new AmfObject(Map.of("tcUrl", AmfValue.string(tooLong)))),
                command("connect", 1, new AmfObject(Map.of("flashVer", AmfValue.string(tooLong)))),
                command("publish", 1, AmfValue.NULL, AmfValue.string(tooLong)),
                command("publish", 1, AmfValue.NULL, AmfValue.string("k"), AmfValue.string(tooLong)),
                command("releaseStream", 1, AmfValue.NULL, AmfValue.string("k?" + ok)),
                new DataAmf0(1, 0, List.of(AmfValue.string(tooLong))),
                new DataAmf0(1, 0, List.of(AmfValue.string("@setDataFrame"), AmfValue.string(tooLong))));
        for (RtmpMessage m : rejected) {
            RtmpProtocolException e = assertThrows(RtmpProtocolException.class, () -> strict.parse(m), m.toString());
            assertEquals(Reason.NAME_TOO_LONG, e.reason());
            assertFalse(e.getMessage().contains(tooLong), "the name itself is not in the message");
        }
    }

    @Test
    void neverPrintsStreamKeysOrQueries() {
        String key = "sk_live_0123456789";
        PublishName name = PublishName.parse("app/" + key + "?token=tok_987");
        for (RtmpCommand c : List.of(new ReleaseStream(1, name), new FCPublish(1, name),
                new Publish(1, 1, name, "live"),
                new FCUnpublish(1, name), new GetStreamLength(1, name),
                new Connect(1, AppName.parse("live?pass=tok_987"), "rtmp://h/live?pass=tok_987", "", 0,
                        Map.of("tcUrl", AmfValue.string("rtmp://h/live?pass=tok_987"))))) {
            assertFalse(c.toString().contains(key), c.toString());
            assertFalse(c.toString().contains("tok_987"), c.toString());
        }
    }

    private RtmpCommand parse(RtmpMessage message) {
        return parser.parse(message).orElseThrow();
    }

    private Reason reasonOf(RtmpMessage message) {
        return assertThrows(RtmpProtocolException.class, () -> parser.parse(message)).reason();
    }

    private static CommandAmf0 command(String name, double transactionId, AmfValue... args) {
        List<AmfValue> values = new ArrayList<>();
        values.add(AmfValue.string(name));
        values.add(AmfValue.number(transactionId));
        values.addAll(List.of(args));
        return new CommandAmf0(0, 0, values);
    }

    private static CommandAmf0 onStream(int streamId, CommandAmf0 c) {
        return new CommandAmf0(streamId, c.timestamp(), c.values());
    }
}
