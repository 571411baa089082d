package io.tributary.transcode.ladder;

import java.nio.file.Path;

/**
 * A PNG laid over the encoded renditions (never over the source, which is not re-encoded).
 *
 * @param image a PNG, with or without alpha
 * @param position the corner it sits in
 * @param scale its width as a fraction of the picture's width: it keeps its share of the picture on every rung
 * @param opacity 0 (invisible) to 1 (as the PNG's own alpha says)
 * @param margin its distance to the picture's edges, as a fraction of the picture's width
 */
public record Watermark(Path image, Position position, double scale, double opacity, double margin) {

    public enum Position {
        TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT
    }

    public Watermark {
        if (image == null || position == null) {
            throw new IllegalArgumentException("a watermark needs an image and a position");
        }
        if (!(scale > 0 && scale <= 1) || !(opacity >= 0 && opacity <= 1) || !(margin >= 0 && margin < 0.5)) {
            throw new IllegalArgumentException("bad watermark: scale " + scale + ", opacity " + opacity + ", margin "
                    + margin);
        }
    }
}
