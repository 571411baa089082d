package io.tributary.archive.consume;

/** Which partition of stream-gops a channel's records are on: the sessions a consumer of that partition owns. */
@FunctionalInterface
public interface PartitionOwnership {
    /** @throws RuntimeException when it cannot be known now (the broker is away): ask again later */
    int partitionOf(String channel);
}
