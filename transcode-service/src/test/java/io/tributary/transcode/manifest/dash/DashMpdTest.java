package io.tributary.transcode.manifest.dash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.transcode.manifest.FrameRate;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DashMpdTest {
    private static final Instant AST = Instant.parse("2025-03-01T12:00:00Z");
    private static final String SESSION = "01JSESSION";

    static DashPeriod period(String session, Duration start, long firstNumber, long videoStart, long audioStart) {
        List<DashSegment> video = new ArrayList<>();
        List<DashSegment> audio = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            video.add(new DashSegment(firstNumber + i, videoStart + 180_000L * i, 180_000));
            // the second audio segment overlaps the third by 10 ticks: trimmed in the timeline
            audio.add(new DashSegment(firstNumber + i, audioStart + 96_000L * i, i == 1 ? 96_010 : 96_000));
        }
        return new DashPeriod(session, start, List.of(
                new DashAdaptationSet("video", null, List.of(DashRepresentation.video("source", 2_000_000, "avc1.64001f",
                        1280, 720, FrameRate.of(30),
                        DashSegmentTemplate.forSession(session, 90_000, videoStart - 180_000L * firstNumber, video)))),
                new DashAdaptationSet("audio", "en", List.of(DashRepresentation.audio("audio", 128_000, "mp4a.40.2",
                        48_000, 2,
                        DashSegmentTemplate.forSession(session, 48_000, audioStart - 96_000L * firstNumber, audio))))));
    }

    static DashMpd live() {
        return DashMpd.live(AST, Instant.parse("2025-03-01T12:00:12.500Z"),
                DashLiveTiming.forSegments(Duration.ofSeconds(2), 6),
                DashUtcTiming.httpXsDate("https://time.akamai.com/?iso&ms"),
                List.of(period(SESSION, Duration.ZERO, 2, 360_000, 192_000)));
    }

    @Test
    void writesADynamicMpdWithSegmentTimelines() {
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <MPD xmlns="urn:mpeg:dash:schema:mpd:2011" \
                profiles="urn:mpeg:dash:profile:isoff-live:2011,urn:mpeg:dash:profile:cmaf:2019" type="dynamic" \
                availabilityStartTime="2025-03-01T12:00:00Z" publishTime="2025-03-01T12:00:12.500Z" \
                minimumUpdatePeriod="PT2S" timeShiftBufferDepth="PT12S" suggestedPresentationDelay="PT6S" \
                minBufferTime="PT2S">
                  <Period id="01JSESSION" start="PT0S">
                    <AdaptationSet id="0" contentType="video" mimeType="video/mp4" segmentAlignment="true" \
                startWithSAP="1">
                      <Representation id="source" bandwidth="2000000" codecs="avc1.64001f" width="1280" height="720" \
                sar="1:1" frameRate="30">
                        <SegmentTemplate timescale="90000" presentationTimeOffset="0" startNumber="2" \
                initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/01JSESSION-$Number$.m4s">
                          <SegmentTimeline>
                            <S t="360000" d="180000" r="3"/>
                          </SegmentTimeline>
                        </SegmentTemplate>
                      </Representation>
                    </AdaptationSet>
                    <AdaptationSet id="1" contentType="audio" mimeType="audio/mp4" lang="en" segmentAlignment="true" \
                startWithSAP="1">
                      <Representation id="audio" bandwidth="128000" codecs="mp4a.40.2" audioSamplingRate="48000">
                        <AudioChannelConfiguration \
                schemeIdUri="urn:mpeg:dash:23003:3:audio_channel_configuration:2011" value="2"/>
                        <SegmentTemplate timescale="48000" presentationTimeOffset="0" startNumber="2" \
                initialization="$RepresentationID$/init.mp4" media="$RepresentationID$/01JSESSION-$Number$.m4s">
                          <SegmentTimeline>
                            <S t="192000" d="96000" r="3"/>
                          </SegmentTimeline>
                        </SegmentTemplate>
                      </Representation>
                    </AdaptationSet>
                  </Period>
                  <UTCTiming schemeIdUri="urn:mpeg:dash:utc:http-xsdate:2014" value="https://time.akamai.com/?iso&amp;ms"/>
                </MPD>
                """, live().render());
    }

    @Test
    void endedSessionBecomesAStaticMpdStartingAtTheFirstListedSegment() {
        String mpd = live().end(Instant.parse("2025-03-01T12:00:14Z")).render();
        assertTrue(mpd.contains(" type=\"static\" publishTime=\"2025-03-01T12:00:14Z\" mediaPresentationDuration=\"PT8S\""
                + " minBufferTime=\"PT2S\">\n"), mpd);
        assertTrue(mpd.contains("<Period id=\"01JSESSION\" start=\"PT0S\">"), mpd);
        assertTrue(mpd.contains("<SegmentTemplate timescale=\"90000\" presentationTimeOffset=\"360000\" startNumber=\"2\""), mpd);
        assertTrue(mpd.contains("<SegmentTemplate timescale=\"48000\" presentationTimeOffset=\"192000\" startNumber=\"2\""), mpd);
        assertTrue(!mpd.contains("availabilityStartTime") && !mpd.contains("minimumUpdatePeriod")
                && !mpd.contains("UTCTiming"), mpd);
    }

    @Test
    void aSecondSessionIsASecondPeriodMovedWithTheFirstWhenStatic() {
        DashMpd mpd = DashMpd.live(AST, AST.plusSeconds(40), DashLiveTiming.forSegments(Duration.ofSeconds(2), 6),
                DashUtcTiming.direct(AST.plusSeconds(40)), List.of(
                        period(SESSION, Duration.ZERO, 2, 360_000, 192_000),
                        period("01JSECOND", Duration.ofSeconds(30), 0, 0, 0)));
        String live = mpd.render();
        assertTrue(live.contains("<Period id=\"01JSECOND\" start=\"PT30S\">"), live);
        assertTrue(live.contains("media=\"$RepresentationID$/01JSECOND-$Number$.m4s\""), live);
        assertTrue(live.contains("<UTCTiming schemeIdUri=\"urn:mpeg:dash:utc:direct:2014\" value=\"2025-03-01T12:00:40Z\"/>"));
        String ended = mpd.end(AST.plusSeconds(41)).render();
        assertTrue(ended.contains("<Period id=\"01JSECOND\" start=\"PT26S\">"), ended);
        assertTrue(ended.contains("mediaPresentationDuration=\"PT34S\""), ended);
    }

    @Test
    void writesAnExplicitTimeAfterAGap() {
        DashSegmentTemplate t = DashSegmentTemplate.forSession("s", 1000, 0, List.of(new DashSegment(0, 0, 100),
                new DashSegment(1, 100, 100), new DashSegment(2, 250, 100), new DashSegment(3, 350, 120)));
        String mpd = DashMpd.live(AST, AST, DashLiveTiming.forSegments(Duration.ofSeconds(2), 6),
                DashUtcTiming.direct(AST), List.of(new DashPeriod("p", Duration.ZERO, List.of(new DashAdaptationSet(
                        "video", null, List.of(DashRepresentation.video("source", 1, "avc1.64001f", 2, 2, null, t)))))))
                .render();
        assertTrue(mpd.contains("""
                            <S t="0" d="100" r="1"/>
                            <S t="250" d="100"/>
                            <S d="120"/>
                """), mpd);
    }

    @Test
    void isWellFormedXmlInTheDashNamespace() throws Exception {
        for (String text : List.of(live().render(), live().end(AST.plusSeconds(20)).render())) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            Element root = doc.getDocumentElement();
            assertEquals("MPD", root.getLocalName());
            assertEquals("urn:mpeg:dash:schema:mpd:2011", root.getNamespaceURI());
            assertEquals(2, doc.getElementsByTagNameNS("urn:mpeg:dash:schema:mpd:2011", "Representation").getLength());
            assertEquals(2, doc.getElementsByTagNameNS("urn:mpeg:dash:schema:mpd:2011", "S").getLength());
        }
    }

    @Test
    void escapesDollarSignsOfTheSessionIdInTheTemplate() {
        DashSegmentTemplate t = DashSegmentTemplate.forSession("a$b", 90_000, 0, List.of(new DashSegment(0, 0, 1)));
        assertEquals("$RepresentationID$/a$$b-$Number$.m4s", t.media());
    }

    @Test
    void rejectsNumbersThatAreNotConsecutive() {
        assertThrows(IllegalArgumentException.class, () -> DashSegmentTemplate.forSession("s", 90_000, 0,
                List.of(new DashSegment(0, 0, 10), new DashSegment(2, 10, 10))));
    }

    @Test
    void writesFractionalFrameRatesAndDurations() {
        assertEquals("30000/1001", new FrameRate(60_000, 2002).toDashFrameRate());
        assertEquals("PT4.004S", DashText.duration(Duration.ofMillis(4004)));
        assertEquals("PT0.5S", DashText.duration(Duration.ofMillis(500)));
        assertEquals("PT0S", DashText.duration(Duration.ZERO));
        assertEquals("PT4.041S", DashText.durationRoundedUp(Duration.ofNanos(4_040_272_108L)));
    }
}
