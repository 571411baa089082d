package io.tributary.archive.assemble;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece's movie fragment before the next piece is known ({@link ArchiveFragmenter#open}): every sample is timed but
 * the last of each track, which lasts until the next piece starts and meanwhile lasts as it would were the piece the
 * session's last ({@link ArchiveFragmenter#fragment(long, OpenFragment, PieceStart)} closes it). Until then the
 * samples' bytes, nearly all of a GOP, can be set aside ({@link #withoutData}): the {@code moof} needs only a sample's
 * size, duration and flags.
 *
 * @param runs  video first, then audio, as in the fragment
 * @param start where the piece starts, to time the fragment of the piece before it
 */
public record OpenFragment(List<Run> runs, PieceStart start) {
    public OpenFragment {
        runs = List.copyOf(runs);
    }

    /** The bytes of the samples: what the fragment's {@code mdat} holds after its header. */
    public long mediaBytes() {
        return FragmentWriter.payloadBytes(trackRuns());
    }

    /** Writes the samples' bytes in the order the fragment's {@code mdat} holds them. */
    public void writeMediaTo(OutputStream out) throws IOException {
        FragmentWriter.writeSamples(trackRuns(), out);
    }

    /** The same fragment without its samples' bytes, for when they were written aside ({@link #writeMediaTo}). */
    public OpenFragment withoutData() {
        List<Run> bare = new ArrayList<>(runs.size());
        for (Run r : runs) {
            TrackRun run = r.run();
            bare.add(new Run(new TrackRun(run.trackId(), run.baseMediaDecodeTime(),
                    run.samples().stream().map(Mp4Sample::withoutData).toList()), r.lastDecodeTicks()));
        }
        return new OpenFragment(bare, start);
    }

    private List<TrackRun> trackRuns() {
        return runs.stream().map(Run::run).toList();
    }

    /**
     * One track's run, its last sample lasting as the session's last would.
     *
     * @param lastDecodeTicks the last sample's decode time, in the track's timescale
     */
    public record Run(TrackRun run, long lastDecodeTicks) {

        /** The run with its last sample lasting until {@code ticks} ({@link Mp4Sample#clampedDuration}). */
        TrackRun lastingUntil(long ticks) {
            List<Mp4Sample> samples = new ArrayList<>(run.samples());
            int last = samples.size() - 1;
            samples.set(last, samples.get(last).lasting(Mp4Sample.clampedDuration(ticks - lastDecodeTicks)));
            return new TrackRun(run.trackId(), run.baseMediaDecodeTime(), samples);
        }
    }
}
