package io.tributary.transcode.manifest.dash;

import java.util.List;

/** Writes a {@link DashMpd} as MPD XML, elements in the schema's order (ISO/IEC 23009-1 Annex B). */
final class MpdXmlWriter {
    private final StringBuilder out = new StringBuilder(4096);

    private MpdXmlWriter() {
    }

    static String write(DashMpd mpd) {
        MpdXmlWriter w = new MpdXmlWriter();
        w.mpd(mpd);
        return w.out.toString();
    }

    private void mpd(DashMpd mpd) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.append("<MPD xmlns=\"urn:mpeg:dash:schema:mpd:2011\"");
        attr("profiles", DashMpd.PROFILES);
        List<DashPeriod> periods = mpd.periods();
        if (mpd.ended()) {
            StaticTimeline.Rebased rebased = StaticTimeline.rebase(periods);
            periods = rebased.periods();
            attr("type", "static");
            attr("publishTime", DashText.dateTime(mpd.publishTime()));
            attr("mediaPresentationDuration", DashText.durationRoundedUp(rebased.mediaPresentationDuration()));
        } else {
            attr("type", "dynamic");
            attr("availabilityStartTime", DashText.dateTime(mpd.availabilityStartTime()));
            attr("publishTime", DashText.dateTime(mpd.publishTime()));
            attr("minimumUpdatePeriod", DashText.duration(mpd.timing().minimumUpdatePeriod()));
            attr("timeShiftBufferDepth", DashText.duration(mpd.timing().timeShiftBufferDepth()));
            attr("suggestedPresentationDelay", DashText.duration(mpd.timing().suggestedPresentationDelay()));
        }
        attr("minBufferTime", DashText.duration(mpd.timing().minBufferTime()));
        out.append(">\n");
        for (DashPeriod p : periods) {
            period(p);
        }
        if (!mpd.ended()) {
            out.append("  <UTCTiming");
            attr("schemeIdUri", mpd.utcTiming().schemeIdUri());
            attr("value", mpd.utcTiming().value());
            out.append("/>\n");
        }
        out.append("</MPD>\n");
    }

    private void period(DashPeriod p) {
        out.append("  <Period");
        attr("id", p.id());
        attr("start", DashText.duration(p.start()));
        out.append(">\n");
        for (int i = 0; i < p.adaptationSets().size(); i++) {
            adaptationSet(i, p.adaptationSets().get(i));
        }
        out.append("  </Period>\n");
    }

    private void adaptationSet(int id, DashAdaptationSet set) {
        out.append("    <AdaptationSet");
        attr("id", Integer.toString(id));
        attr("contentType", set.contentType());
        attr("mimeType", set.mimeType());
        if (set.language() != null) {
            attr("lang", set.language());
        }
        // every segment is a GOP (or a continuation of one): aligned across representations; one that starts with a
        // keyframe starts with SAP 1, which is only declared when every segment does (ISO/IEC 23009-1 §5.3.3.2)
        attr("segmentAlignment", "true");
        if (set.startsWithSap()) {
            attr("startWithSAP", "1");
        }
        out.append(">\n");
        for (DashRepresentation r : set.representations()) {
            representation(r);
        }
        out.append("    </AdaptationSet>\n");
    }

    private void representation(DashRepresentation r) {
        out.append("      <Representation");
        attr("id", r.id());
        attr("bandwidth", Long.toString(r.bandwidth()));
        attr("codecs", r.codecs());
        if (r.width() > 0 && r.height() > 0) {
            attr("width", Integer.toString(r.width()));
            attr("height", Integer.toString(r.height()));
            attr("sar", "1:1");
        }
        if (r.frameRate() != null) {
            attr("frameRate", r.frameRate().toDashFrameRate());
        }
        if (r.audioSamplingRate() > 0) {
            attr("audioSamplingRate", Integer.toString(r.audioSamplingRate()));
        }
        out.append(">\n");
        if (r.audioChannels() > 0) {
            out.append("        <AudioChannelConfiguration");
            // the channel count itself (ISO/IEC 23009-1 §5.8.5.4), right for any channel layout
            attr("schemeIdUri", "urn:mpeg:dash:23003:3:audio_channel_configuration:2011");
            attr("value", Integer.toString(r.audioChannels()));
            out.append("/>\n");
        }
        segmentTemplate(r.segmentTemplate());
        out.append("      </Representation>\n");
    }

    private void segmentTemplate(DashSegmentTemplate t) {
        out.append("        <SegmentTemplate");
        attr("timescale", Integer.toString(t.timescale()));
        attr("presentationTimeOffset", Long.toString(t.presentationTimeOffset()));
        attr("startNumber", Long.toString(t.startNumber()));
        attr("initialization", t.initialization());
        attr("media", t.media());
        out.append(">\n");
        out.append("          <SegmentTimeline>\n");
        timeline(t.segments());
        out.append("          </SegmentTimeline>\n");
        out.append("        </SegmentTemplate>\n");
    }

    /**
     * S elements: @t where the timeline starts or jumps, @r for runs of equal durations (§5.3.9.6). A segment that
     * overlaps its successor is trimmed to the successor's start.
     */
    private void timeline(List<DashSegment> segments) {
        int n = segments.size();
        long[] durations = new long[n];
        for (int i = 0; i < n; i++) {
            DashSegment s = segments.get(i);
            durations[i] = i + 1 < n ? Math.min(s.duration(), segments.get(i + 1).time() - s.time()) : s.duration();
        }
        long expected = -1;
        int i = 0;
        while (i < n) {
            DashSegment s = segments.get(i);
            int repeat = 0;
            while (i + repeat + 1 < n && durations[i + repeat + 1] == durations[i]
                    && segments.get(i + repeat + 1).time() == segments.get(i + repeat).time() + durations[i]) {
                repeat++;
            }
            out.append("            <S");
            if (s.time() != expected) {
                attr("t", Long.toString(s.time()));
            }
            attr("d", Long.toString(durations[i]));
            if (repeat > 0) {
                attr("r", Integer.toString(repeat));
            }
            out.append("/>\n");
            expected = segments.get(i + repeat).time() + durations[i];
            i += repeat + 1;
        }
    }

    private void attr(String name, String value) {
        out.append(' ').append(name).append("=\"").append(DashText.attribute(value)).append('"');
    }
}
