package io.tributary.bench.load;

/**
 * One channel's start, in epoch milliseconds (0: never happened).
 *
 * @param playableAt     when the watch first saw master.m3u8 and a media playlist naming a segment
 * @param firstSegmentAt the first source segment-published event's publishedAt (the manifest write itself)
 * @param firstSegmentLatencyMillis that event's GOP close to playlist latency (-1: none): the first GOP's extra
 *                                  cost (init segment, new channel state) shows here
 */
record StartupResult(String channel, long publishSentAt, long publishStartedAt, long playableAt, long firstSegmentAt,
                     long firstSegmentLatencyMillis, String failure) {

    long authMillis() {
        return publishStartedAt == 0 ? -1 : publishStartedAt - publishSentAt;
    }

    long firstPlayableMillis() {
        return playableAt == 0 || publishSentAt == 0 ? -1 : playableAt - publishSentAt;
    }

    long firstSegmentMillis() {
        return firstSegmentAt == 0 || publishSentAt == 0 ? -1 : firstSegmentAt - publishSentAt;
    }
}
