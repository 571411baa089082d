package io.tributary.thumbnail.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class JpegInspectionTest {

    private static byte[] jpeg(int width, int height, boolean stripes, Color background) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, width, height);
        if (stripes) {
            for (int x = 0; x < width; x += 16) {
                g.setColor(new Color(x * 255 / width, 255 - x * 255 / width, 128));
                g.fillRect(x, 0, 8, height);
            }
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, "jpeg", out));
        return out.toByteArray();
    }

    @Test
    void readsTheDimensionsOfAPicture() throws IOException {
        JpegInspection.Result result = JpegInspection.inspect(jpeg(640, 360, true, Color.WHITE));

        assertEquals(640, result.width());
        assertEquals(360, result.height());
        assertFalse(result.blank());
    }

    @Test
    void findsABlackPictureBlank() throws IOException {
        assertTrue(JpegInspection.inspect(jpeg(320, 180, false, Color.BLACK)).blank());
        assertTrue(JpegInspection.inspect(jpeg(320, 180, false, Color.GRAY)).blank());
    }

    @Test
    void rejectsBytesThatAreNotAWholeJpeg() throws IOException {
        byte[] whole = jpeg(64, 36, true, Color.WHITE);
        assertThrows(IOException.class, () -> JpegInspection.inspect(Arrays.copyOf(whole, whole.length / 2)),
                "cut short");
        assertThrows(IOException.class, () -> JpegInspection.inspect(new byte[0]), "empty");
        byte[] garbage = whole.clone();
        Arrays.fill(garbage, 2, garbage.length - 2, (byte) 0x5A);
        assertThrows(IOException.class, () -> JpegInspection.inspect(garbage), "SOI and EOI around garbage");
    }
}
