package io.tributary.thumbnail.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Reads back a JPEG that ffmpeg wrote: that it is a whole, decodable JPEG, its real dimensions, and whether it is
 * {@link BlankPicture blank}. A 640x360 picture takes a few milliseconds; what it saves is publishing a broken or
 * black thumbnail.
 */
final class JpegInspection {
    /** Samples per row at most: plenty to tell a flat picture from a real one, and cheap at any size. */
    private static final int SAMPLES_PER_ROW = 160;

    private JpegInspection() {
    }

    record Result(int width, int height, boolean blank) {
    }

    /** @throws IOException if the bytes are not a decodable JPEG */
    static Result inspect(byte[] jpeg) throws IOException {
        requireWhole(jpeg);
        BufferedImage image = read(jpeg);
        int step = Math.max(1, image.getWidth() / SAMPLES_PER_ROW);
        int columns = (image.getWidth() + step - 1) / step;
        int rows = (image.getHeight() + step - 1) / step;
        int[] luma = new int[columns * rows];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y += step) {
            for (int x = 0; x < image.getWidth(); x += step) {
                int rgb = image.getRGB(x, y);
                // BT.601 luma in fixed point: 0.299 R + 0.587 G + 0.114 B
                luma[i++] = (77 * ((rgb >> 16) & 0xFF) + 150 * ((rgb >> 8) & 0xFF) + 29 * (rgb & 0xFF)) >> 8;
            }
        }
        return new Result(image.getWidth(), image.getHeight(), BlankPicture.isBlank(luma));
    }

    /** SOI first, EOI last (ITU-T T.81 B.2.1): a JPEG cut short decodes to a partial picture without an error. */
    private static void requireWhole(byte[] jpeg) throws IOException {
        int n = jpeg.length;
        if (n < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8
                || (jpeg[n - 2] & 0xFF) != 0xFF || (jpeg[n - 1] & 0xFF) != 0xD9) {
            throw new IOException("not a whole JPEG (" + n + " bytes without SOI ... EOI)");
        }
    }

    private static BufferedImage read(byte[] jpeg) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg");
        if (!readers.hasNext()) {
            throw new IOException("no JPEG reader in this JVM");
        }
        ImageReader reader = readers.next();
        // an in-memory stream: ImageIO's default for streams is a temporary file per read
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in, true, true);
            BufferedImage image = reader.read(0);
            if (image.getWidth() < 1 || image.getHeight() < 1) {
                throw new IOException("empty JPEG");
            }
            return image;
        } catch (RuntimeException e) {
            // ImageIO throws unchecked exceptions on some malformed inputs
            throw new IOException("not a decodable JPEG: " + e, e);
        } finally {
            reader.dispose();
        }
    }
}
