package io.tributary.archive.assemble;

import io.tributary.media.codec.VideoCodec;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The start of a fragmented MP4 archive: {@code ftyp}, then a {@code moov} whose tracks have no samples and whose
 * {@code mvex} announces that every sample is in a movie fragment (ISO/IEC 14496-12 §8.8.1). Durations are 0
 * ("unknown") as the file is written while the stream is live; players and ffprobe take the duration from the
 * fragments.
 *
 * <p>The bytes depend only on the tracks, so a crash and a rerun write the same init segment.
 */
public final class InitSegmentWriter {
    /** {@code mvhd} timescale: nothing is timed at movie level. */
    static final int MOVIE_TIMESCALE = 1000;
    /** ISO 639-2/T "und" packed as three 5-bit letters (§8.4.2.3). */
    private static final int LANGUAGE_UND = ('u' - 0x60) << 10 | ('n' - 0x60) << 5 | ('d' - 0x60);
    private static final int TRACK_ENABLED_IN_MOVIE = 0x000003;

    private InitSegmentWriter() {
    }

    /**
     * @param videoEditMediaTicks where the video track's presentation starts in its media timeline (the first frame's
     *                            composition offset, so that it is shown at time zero): the one edit of its
     *                            {@code elst}
     */
    public static byte[] write(ArchiveTracks tracks, long videoEditMediaTicks) {
        BoxWriter w = new BoxWriter(1024);
        // ftyp (§4.3): iso6 for trun version 1 (signed composition offsets), mp41 and the codec brand for players
        String codecBrand = tracks.video() != null && tracks.video().config().codec() == VideoCodec.HEVC ? "hvc1" : "avc1";
        w.box("ftyp").fourCc("iso6").u32(0).fourCc("iso6").fourCc("isom").fourCc("mp41").fourCc(codecBrand).end();
        w.box("moov");
        // mvhd (§8.2.2): version 0, times 0, timescale, duration 0, rate 1.0, volume 1.0
        w.fullBox("mvhd", 0, 0).u32(0).u32(0).u32(MOVIE_TIMESCALE).u32(0).u32(0x0001_0000).u16(0x0100).zeros(10)
                .unityMatrix().zeros(24).u32(ArchiveTracks.AUDIO_TRACK_ID + 1).end();
        if (tracks.video() != null) {
            videoTrak(w, tracks.video(), videoEditMediaTicks);
        }
        if (tracks.audio() != null) {
            audioTrak(w, tracks.audio());
        }
        w.box("mvex");
        if (tracks.video() != null) {
            trex(w, ArchiveTracks.VIDEO_TRACK_ID);
        }
        if (tracks.audio() != null) {
            trex(w, ArchiveTracks.AUDIO_TRACK_ID);
        }
        w.end(); // mvex
        w.end(); // moov
        return w.toByteArray();
    }

    private static void videoTrak(BoxWriter w, ArchiveTracks.Video video, long editMediaTicks) {
        int width = video.config().width();
        int height = video.config().height();
        boolean hevc = video.config().codec() == VideoCodec.HEVC;
        trak(w, new TrackHeader(ArchiveTracks.VIDEO_TRACK_ID, 0, width, height, ArchiveTracks.VIDEO_TIMESCALE, "vide",
                        "VideoHandler"),
                // edts/elst (§8.6.5, §8.6.6), version 0: one edit of unknown (0: the whole, fragmented) duration,
                // starting editMediaTicks into the media, at rate 1
                edits -> edits.box("edts").fullBox("elst", 0, 0).u32(1).u32(0).u32(editMediaTicks).u16(1).u16(0)
                        .end().end(),
                // vmhd (§12.1.2): flags 1, graphicsmode copy, opcolor 0
                header -> header.fullBox("vmhd", 0, 1).u16(0).u16(0).u16(0).u16(0).end(),
                // VisualSampleEntry (§12.1.3): SampleEntry's reserved and data_reference_index, then the visual
                // fields; avcC / hvcC (ISO/IEC 14496-15 §5.4.2.1, §8.4.1.1): the record as the sequence header had it
                entry -> entry.box(hevc ? "hvc1" : "avc1").zeros(6).u16(1)
                        .u16(0).u16(0).zeros(12)
                        .u16(width).u16(height)
                        .u32(0x0048_0000).u32(0x0048_0000) // 72 dpi
                        .u32(0).u16(1) // reserved, frame_count
                        .zeros(32) // compressorname
                        .u16(0x0018).u16(0xFFFF) // depth, pre_defined -1
                        .box(hevc ? "hvcC" : "avcC").bytes(video.config().toBytes()).end()
                        .end());
    }

    private static void audioTrak(BoxWriter w, ArchiveTracks.Audio audio) {
        int channels = Math.max(1, audio.config().channels());
        // the samplerate field is 16.16 in 32 bits: rates above 65535 are written as 0 (the timescale says)
        int rate = audio.timescale() > 0xFFFF ? 0 : audio.timescale();
        trak(w, new TrackHeader(ArchiveTracks.AUDIO_TRACK_ID, 0x0100, 0, 0, audio.timescale(), "soun", "SoundHandler"),
                edits -> { },
                header -> header.fullBox("smhd", 0, 0).u16(0).u16(0).end(), // §12.2.2: balance 0
                // AudioSampleEntry (§12.2.3): reserved, data_reference_index, reserved, channelcount, samplesize 16,
                // pre_defined, reserved, samplerate
                entry -> {
                    entry.box("mp4a").zeros(6).u16(1).zeros(8).u16(channels).u16(16).u16(0).u16(0)
                            .u32((long) rate << 16);
                    esds(entry, audio.config().toBytes());
                    entry.end();
                });
    }

    /** What differs between the tracks' headers: tkhd, mdhd and hdlr fields. */
    private record TrackHeader(int trackId, int volume, int width, int height, int timescale, String handlerType,
                               String handlerName) {
    }

    /** A trak of no samples (§8.3.1): tkhd, edits, mdia (mdhd, hdlr, minf with one sample entry, empty tables). */
    private static void trak(BoxWriter w, TrackHeader t, Consumer<BoxWriter> edits, Consumer<BoxWriter> mediaHeader,
                             Consumer<BoxWriter> sampleEntry) {
        w.box("trak");
        tkhd(w, t.trackId(), t.volume(), t.width(), t.height());
        edits.accept(w);
        w.box("mdia");
        mdhd(w, t.timescale());
        hdlr(w, t.handlerType(), t.handlerName());
        w.box("minf");
        mediaHeader.accept(w);
        dinf(w);
        w.box("stbl");
        w.fullBox("stsd", 0, 0).u32(1);
        sampleEntry.accept(w);
        w.end(); // stsd
        emptySampleTables(w);
        w.end().end().end().end(); // stbl, minf, mdia, trak
    }

    /**
     * esds (ISO/IEC 14496-14 §5.6) with an ES_Descriptor (ISO/IEC 14496-1 §7.2.6.5): DecoderConfigDescriptor for
     * MPEG-4 audio (objectTypeIndication 0x40, streamType 5) holding the AudioSpecificConfig, and the SLConfig that
     * MP4 files always carry (predefined 2).
     */
    private static void esds(BoxWriter w, byte[] asc) {
        // each descriptor is tag, one-byte size (below 128), then its content (§8.3.3: sizeOfInstance)
        int decoderSpecificInfo = 2 + asc.length;
        int decoderConfigContent = 13 + decoderSpecificInfo;
        int slConfig = 3;
        int esContent = 3 + 2 + decoderConfigContent + slConfig;
        if (esContent > 127) {
            throw new IllegalArgumentException("AudioSpecificConfig of " + asc.length + " bytes is too long");
        }
        w.fullBox("esds", 0, 0);
        w.u8(0x03).u8(esContent).u16(0).u8(0); // ES_DescrTag, size, ES_ID 0, no flags
        // DecoderConfigDescrTag, size, MPEG-4 audio, AudioStream (5) upstream 0 reserved 1, bufferSizeDB, bitrates 0
        w.u8(0x04).u8(decoderConfigContent).u8(0x40).u8(0x05 << 2 | 1).u24(0).u32(0).u32(0);
        w.u8(0x05).u8(asc.length).bytes(asc); // DecSpecificInfoTag
        w.u8(0x06).u8(1).u8(0x02); // SLConfigDescrTag, predefined = 2
        w.end();
    }

    /** tkhd (§8.3.2): version 0, enabled and in the movie, duration 0 (the fragments say), width and height 16.16. */
    private static void tkhd(BoxWriter w, int trackId, int volume, int width, int height) {
        w.fullBox("tkhd", 0, TRACK_ENABLED_IN_MOVIE).u32(0).u32(0).u32(trackId).u32(0).u32(0).zeros(8)
                .u16(0).u16(0).u16(volume).u16(0).unityMatrix().u32((long) width << 16).u32((long) height << 16).end();
    }

    /** mdhd (§8.4.2): version 0, times 0, the track's timescale, duration 0, language "und". */
    private static void mdhd(BoxWriter w, int timescale) {
        w.fullBox("mdhd", 0, 0).u32(0).u32(0).u32(timescale).u32(0).u16(LANGUAGE_UND).u16(0).end();
    }

    /** hdlr (§8.4.3). */
    private static void hdlr(BoxWriter w, String handlerType, String name) {
        w.fullBox("hdlr", 0, 0).u32(0).fourCc(handlerType).zeros(12)
                .bytes(name.getBytes(StandardCharsets.US_ASCII)).u8(0).end();
    }

    /** dinf/dref (§8.7.1, §8.7.2): one self-contained url entry (flags 1: the media is in this file). */
    private static void dinf(BoxWriter w) {
        w.box("dinf").fullBox("dref", 0, 0).u32(1).fullBox("url ", 0, 1).end().end().end();
    }

    /** stts, stsc, stsz, stco with no entries: the samples are in the fragments (§8.8.1). */
    private static void emptySampleTables(BoxWriter w) {
        w.fullBox("stts", 0, 0).u32(0).end();
        w.fullBox("stsc", 0, 0).u32(0).end();
        w.fullBox("stsz", 0, 0).u32(0).u32(0).end();
        w.fullBox("stco", 0, 0).u32(0).end();
    }

    /** trex (§8.8.3): sample description 1, no other defaults (every trun says what it needs). */
    private static void trex(BoxWriter w, int trackId) {
        w.fullBox("trex", 0, 0).u32(trackId).u32(1).u32(0).u32(0).u32(0).end();
    }
}
