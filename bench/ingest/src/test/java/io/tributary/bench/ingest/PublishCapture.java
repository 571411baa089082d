package io.tributary.bench.ingest;

import io.tributary.ffmpeg.FfmpegRunner;
import io.tributary.ingest.rtmp.chunk.ChunkEncoder;
import io.tributary.ingest.rtmp.chunk.RawMessage;
import io.tributary.ingest.rtmp.message.Audio;
import io.tributary.ingest.rtmp.message.DataAmf0;
import io.tributary.ingest.rtmp.message.RtmpMessage;
import io.tributary.ingest.rtmp.message.SetChunkSize;
import io.tributary.ingest.rtmp.message.Video;
import io.tributary.media.amf.AmfValue;
import io.tributary.media.amf.AmfValue.AmfString;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.ScriptDataTag;
import io.tributary.media.flv.VideoTag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every byte a publisher sends the ingest in one session, as the ingest's socket reads would see them.
 *
 * @param name      what it is, for the results table
 * @param bytes     the client-to-server byte stream
 * @param handshake whether it starts with C0 C1 C2 (a recorded session) or directly with chunks
 */
record PublishCapture(String name, byte[] bytes, boolean handshake) {

    /** A real session recorded byte for byte (ingest-service's test vectors, see their PROVENANCE.md). */
    static PublishCapture recorded(Path vectors, String prefix) throws IOException {
        return new PublishCapture(prefix + " (recorded)", Files.readAllBytes(vectors.resolve(prefix + ".c2s.bin")), true);
    }

    /**
     * Issue 10's stream: 720p30 H.264 at 3 Mb/s CBR with a keyframe every 2 s and AAC 128k, made once by the bundled
     * ffmpeg (as bench/load's source clip), then sent as a publisher sends it after {@code publish}: Set Chunk Size
     * 4096 (OBS and the load generator's value), {@code @setDataFrame onMetaData}, every tag as an audio or video
     * message, chunked by the ingest's own {@link ChunkEncoder}.
     */
    static PublishCapture clip720p30(Path dir, int seconds) throws IOException {
        Path flv = dir.resolve("source-720p30-3M-gop2s-" + seconds + "s.flv");
        if (!Files.isRegularFile(flv)) {
            Files.createDirectories(dir);
            Path partial = dir.resolve(flv.getFileName() + ".partial");
            FfmpegRunner.bundled().ffmpegOrThrow(Duration.ofMinutes(10), List.of("-y", "-v", "error",
                    // temporal noise keeps the encoder busy and the bit rate honest, as camera video does
                    "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=30,noise=alls=12:allf=t",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                    "-t", Integer.toString(seconds), "-map", "0:v", "-map", "1:a",
                    "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
                    "-b:v", "3M", "-maxrate", "3M", "-bufsize", "3M", "-g", "60", "-keyint_min", "60",
                    "-sc_threshold", "0", "-c:a", "aac", "-ar", "48000", "-ac", "2", "-b:a", "128k",
                    "-f", "flv", partial.toString()));
            Files.move(partial, flv);
        }
        return new PublishCapture("720p30 3 Mb/s, 2 s GOPs, " + seconds + " s (ffmpeg, chunk size 4096)",
                chunked(new FlvReader(Files.readAllBytes(flv)).readAll()), false);
    }

    private static byte[] chunked(List<FlvTag> tags) {
        int streamId = 1;
        ChunkEncoder encoder = new ChunkEncoder();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<RtmpMessage> messages = new ArrayList<>();
        messages.add(new SetChunkSize(4096));
        for (FlvTag tag : tags) {
            if (tag instanceof ScriptDataTag script) {
                List<AmfValue> values = new ArrayList<>();
                values.add(new AmfString("@setDataFrame"));
                values.add(new AmfString(script.name()));
                values.addAll(script.arguments());
                messages.add(new DataAmf0(streamId, tag.timestamp(), values));
            } else if (tag instanceof VideoTag) {
                messages.add(new Video(streamId, tag.timestamp(), tag.body()));
            } else {
                messages.add(new Audio(streamId, tag.timestamp(), tag.body()));
            }
        }
        for (RtmpMessage message : messages) {
            RawMessage raw = message.encode();
            out.writeBytes(encoder.encode(message.preferredChunkStreamId(), raw));
        }
        return out.toByteArray();
    }
}
