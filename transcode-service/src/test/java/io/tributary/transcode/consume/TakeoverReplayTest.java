package io.tributary.transcode.consume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.media.gop.GopFlag;
import io.tributary.media.gop.GopMetadata;
import io.tributary.transcode.consume.TakeoverReplay.Listing;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a worker that took a channel over makes of the records it replays past the state object (issue 10): listed by
 * the previous owner up to the published-through record, then new; never more than {@code save-every} listed.
 */
class TakeoverReplayTest {
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    /** (published through, save-every, the admitted records in order) -> what each one is. */
    private record Case(String name, PublishedThrough through, int saveEvery, List<GopMetadata> records,
                        List<Listing> expected) {
    }

    private static final List<Case> CASES = List.of(
            new Case("no replay: every record is new", null, 5,
                    List.of(gop("A", 5), gop("A", 6)),
                    List.of(Listing.NEW, Listing.NEW)),
            new Case("state at A-4, playlists through A-6: A-5 listed, A-6 the last, A-7 new",
                    new PublishedThrough("A", 6), 5,
                    List.of(gop("A", 5), gop("A", 6), gop("A", 7), gop("A", 8)),
                    List.of(Listing.LISTED, Listing.LAST_LISTED, Listing.NEW, Listing.NEW)),
            new Case("sessions started after the last save are listed up to the published-through one",
                    new PublishedThrough("C", 0), 5,
                    List.of(gop("A", 5), gop("B", 0), gop("C", 0), gop("C", 1)),
                    List.of(Listing.LISTED, Listing.LISTED, Listing.LAST_LISTED, Listing.NEW)),
            new Case("the first record past it ends the replay, even if an earlier one came late",
                    new PublishedThrough("A", 6), 5,
                    List.of(gop("A", 7), gop("A", 6)),
                    List.of(Listing.NEW, Listing.NEW)),
            new Case("the published-through record never comes: save-every listed records at most",
                    new PublishedThrough("B", 9), 3,
                    List.of(gop("A", 5), gop("A", 6), gop("A", 7), gop("A", 8)),
                    List.of(Listing.LISTED, Listing.LISTED, Listing.LISTED_GIVING_UP, Listing.NEW)),
            new Case("save-every 1: the one listed record is the last covered",
                    new PublishedThrough("A", 9), 1,
                    List.of(gop("A", 5), gop("A", 6)),
                    List.of(Listing.LISTED_GIVING_UP, Listing.NEW)),
            new Case("the published-through record as the last allowed one is still the last listed",
                    new PublishedThrough("A", 7), 3,
                    List.of(gop("A", 5), gop("A", 6), gop("A", 7), gop("A", 8)),
                    List.of(Listing.LISTED, Listing.LISTED, Listing.LAST_LISTED, Listing.NEW)));

    @Test
    void listsRecordsUpToThePublishedThroughOneAndNoMoreThanSaveEvery() {
        for (Case c : CASES) {
            TakeoverReplay replay = new TakeoverReplay(c.through(), c.saveEvery());
            List<Listing> got = c.records().stream().map(gop -> {
                Listing listing = replay.listing(gop);
                replay.advance(listing);
                return listing;
            }).toList();
            assertEquals(c.expected(), got, c.name());
        }
    }

    /**
     * A step that fails after asking (its state save, its events) is run again from the top: asking again finds the
     * replay where it was, so a retried listed record neither turns new nor uses up the records the replay may cover.
     */
    @Test
    void onlyAdvancingMovesTheReplayAsAFailedStepAsksAgain() {
        TakeoverReplay replay = new TakeoverReplay(new PublishedThrough("A", 7), 2);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(Listing.LISTED, replay.listing(gop("A", 5)), "attempt " + attempt);
        }
        replay.advance(Listing.LISTED);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertEquals(Listing.LISTED_GIVING_UP, replay.listing(gop("A", 6)), "attempt " + attempt);
        }
        replay.advance(Listing.LISTED_GIVING_UP);
        assertEquals(Listing.NEW, replay.listing(gop("A", 7)), "the replay ended with the last record it may cover");
    }

    @Test
    void theLastListedRecordAskedAgainIsStillTheLastListed() {
        TakeoverReplay replay = new TakeoverReplay(new PublishedThrough("A", 6), 5);

        assertEquals(Listing.LAST_LISTED, replay.listing(gop("A", 6)));
        assertEquals(Listing.LAST_LISTED, replay.listing(gop("A", 6)), "not new: its manifests are not stored again");
        replay.advance(Listing.LAST_LISTED);
        assertEquals(Listing.NEW, replay.listing(gop("A", 7)));
    }

    @Test
    void onlyNewRecordsAreStored() {
        assertEquals(List.of(false, true, true, true), List.of(Listing.NEW.listed(), Listing.LISTED.listed(),
                Listing.LAST_LISTED.listed(), Listing.LISTED_GIVING_UP.listed()));
    }

    private static GopMetadata gop(String session, long sequence) {
        return GopMetadata.of(session, sequence, sequence * 2000, 2000, T0.toEpochMilli(),
                EnumSet.noneOf(GopFlag.class));
    }
}
