package io.tributary.bench.load;

/**
 * What one publisher did, as of a snapshot. Instants are epoch milliseconds (0: not yet), comparable with the
 * events' and the playlists' wall-clock times.
 *
 * @param publishSentAt    when the publish command left (the "publish" the first-playable time counts from)
 * @param publishStartedAt when {@code NetStream.Publish.Start} came back (the ingest's auth decision)
 * @param maxOutboxBytes   the most bytes ever waiting for the socket
 * @param behindEpisodes   how many times the outbox grew past about a second of media
 */
record PublisherStatus(String channel, RtmpPublisher.Phase phase, String failure, long connectedAt,
                       long publishSentAt, long publishStartedAt, long closedAt, long bytesWritten, long tagsSent,
                       long outboxBytes, long maxOutboxBytes, int behindEpisodes) {

    /** Mutable counterpart, owned by the publisher's loop thread. */
    static final class Builder {
        private final String channel;
        private String failure;
        private long connectedAt;
        private long publishSentAt;
        private long publishStartedAt;
        private long closedAt;
        private long bytesWritten;
        private long tagsSent;
        private long maxOutboxBytes;
        private int behindEpisodes;

        Builder(String channel) {
            this.channel = channel;
        }

        void connected() {
            connectedAt = System.currentTimeMillis();
        }

        void publishSent() {
            publishSentAt = System.currentTimeMillis();
        }

        void publishStarted() {
            publishStartedAt = System.currentTimeMillis();
        }

        void tagSent() {
            tagsSent++;
        }

        void bytesWritten(int bytes) {
            bytesWritten += bytes;
        }

        void outboxSeen(long bytes) {
            maxOutboxBytes = Math.max(maxOutboxBytes, bytes);
        }

        void fellBehind() {
            behindEpisodes++;
        }

        void failed(String reason) {
            if (failure == null) {
                failure = reason;
            }
        }

        void closed() {
            if (closedAt == 0) {
                closedAt = System.currentTimeMillis();
            }
        }

        PublisherStatus build(RtmpPublisher.Phase phase, long outboxBytes) {
            return new PublisherStatus(channel, phase, failure, connectedAt, publishSentAt, publishStartedAt,
                    closedAt, bytesWritten, tagsSent, outboxBytes, maxOutboxBytes, behindEpisodes);
        }
    }
}
