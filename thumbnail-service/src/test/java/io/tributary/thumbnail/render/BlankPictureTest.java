package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlankPictureTest {

    record Case(String name, int[] luma, boolean blank) {
    }

    private static int[] filled(int n, int value) {
        int[] a = new int[n];
        Arrays.fill(a, value);
        return a;
    }

    private static int[] noisy(int n, int mean, int amplitude, long seed) {
        Random random = new Random(seed);
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = Math.max(0, Math.min(255, mean + random.nextInt(2 * amplitude + 1) - amplitude));
        }
        return a;
    }

    private static int[] gradient(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i * 256 / n;
        }
        return a;
    }

    /** Flat at {@code base}, with {@code detail} of every 100 samples far from it. */
    private static int[] withDetail(int n, int base, int detail) {
        int[] a = filled(n, base);
        for (int i = 0; i < n; i++) {
            if (i % 100 < detail) {
                a[i] = 255 - base;
            }
        }
        return a;
    }

    static final List<Case> CASES = List.of(
            new Case("black, limited range", filled(1000, 16), true),
            new Case("black with sensor noise", noisy(1000, 20, 6, 1), true),
            new Case("the grey of a concealed keyframe", filled(1000, 128), true),
            new Case("one flat colour", noisy(1000, 200, 3, 2), true),
            new Case("nothing at all", new int[0], true),
            new Case("a full-range gradient", gradient(1000), false),
            new Case("a dark picture with 3% bright detail", withDetail(1000, 20, 3), false),
            new Case("a flat picture with 1% detail", withDetail(1000, 20, 1), true),
            new Case("noise of a real picture", noisy(1000, 128, 100, 3), false));

    @Test
    void tellsBlankPicturesFromRealOnes() {
        for (Case c : CASES) {
            assertEquals(c.blank, BlankPicture.isBlank(c.luma), c.name);
        }
    }
}
