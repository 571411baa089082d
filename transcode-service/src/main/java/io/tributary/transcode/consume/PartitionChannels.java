package io.tributary.transcode.consume;

import io.tributary.media.gop.GopMetadata;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The packagers of the channels of one partition. Confined to the partition's consumer lane (one record at a time;
 * {@link #close} runs when the lane is stopped), so a plain map; the handler drops the whole object when the partition is revoked, and a later owner, this worker
 * or another, starts again from the state in storage.
 */
final class PartitionChannels {
    private final PackagerOutputs out;
    private final Map<String, ChannelPackager> channels = new HashMap<>();

    PartitionChannels(PackagerOutputs out) {
        this.out = out;
    }

    /** Hands the record to its channel's packager: see {@link ChannelPackager#accept}. */
    CompletionStage<Void> accept(String channel, GopMetadata gop, byte[] value) throws InterruptedException {
        ChannelPackager packager = channels.get(channel);
        if (packager == null) {
            packager = ChannelPackager.load(channel, out);
            channels.put(channel, packager);
        }
        CompletionStage<Void> done = packager.accept(gop, value);
        if (packager.state().sessionEnded() && packager.idle()) {
            // the session is over and its state is stored: memory goes to channels that are live (one whose rungs
            // are still coming stays until its next record)
            channels.remove(channel);
        }
        return done;
    }

    /** The partition left this worker: its channels' rungs still to come are not stored. */
    void close() {
        channels.values().forEach(ChannelPackager::close);
        channels.clear();
    }
}
