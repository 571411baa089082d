package io.tributary.media.codec;

import io.tributary.media.RecordedVectors;
import io.tributary.media.flv.AudioPacket;
import io.tributary.media.flv.AudioTag;
import io.tributary.media.flv.FlvReader;
import io.tributary.media.flv.FlvTag;
import io.tributary.media.flv.VideoPacket;
import io.tributary.media.flv.VideoTag;

/** The first video and audio sequence headers of a recording. */
final class SequenceHeaders {
    private SequenceHeaders() {
    }

    static VideoPacket video(String vector) {
        for (FlvTag t : new FlvReader(RecordedVectors.receivedFlv(vector)).readAll()) {
            if (t instanceof VideoTag v && v.packet().isSequenceHeader()) {
                return v.packet();
            }
        }
        throw new AssertionError("no video sequence header in " + vector);
    }

    static AudioPacket audio(String vector) {
        for (FlvTag t : new FlvReader(RecordedVectors.receivedFlv(vector)).readAll()) {
            if (t instanceof AudioTag a && a.packet().isSequenceHeader()) {
                return a.packet();
            }
        }
        throw new AssertionError("no audio sequence header in " + vector);
    }
}
