package io.tributary.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void takesTheNearestRank() {
        List<Long> values = new ArrayList<>();
        for (long v = 100; v >= 1; v--) {
            values.add(v);
        }
        Percentiles p = Percentiles.of(values);
        assertEquals(new Percentiles(100, 50, 90, 99, 100, 50.5), p);
    }

    @Test
    void aSingleValueIsEveryPercentile() {
        assertEquals(new Percentiles(1, 7, 7, 7, 7, 7.0), Percentiles.of(List.of(7L)));
    }

    @Test
    void noValuesGiveTheEmptySummary() {
        assertEquals(Percentiles.EMPTY, Percentiles.of(List.of()));
    }

    @Test
    void latenessHistogramCountsEarlyTagsAsOnTime() {
        LatenessHistogram h = new LatenessHistogram();
        h.record(-3_000_000);
        for (int i = 0; i < 98; i++) {
            h.record(2_000_000);
        }
        h.record(250_000_000);
        assertEquals(2, h.percentileMillis(0.5));
        assertEquals(2, h.percentileMillis(0.99));
        assertEquals(250, h.maxMillis());
        assertEquals(0, h.percentileMillis(0.01));
    }
}
