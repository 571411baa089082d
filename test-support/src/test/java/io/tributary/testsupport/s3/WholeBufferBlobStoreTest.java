package io.tributary.testsupport.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class WholeBufferBlobStoreTest {

    /** A request body as the network hands it over: a few bytes at a time. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream bytes;

        Trickle(byte[] bytes) {
            this.bytes = new ByteArrayInputStream(bytes);
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, Math.min(len, 1000));
        }
    }

    @Test
    void readsFillTheBufferUntilTheEnd() throws IOException {
        byte[] body = new byte[20_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 7);
        }
        InputStream whole = new WholeBufferBlobStore.FillingInputStream(new Trickle(body));
        byte[] buffer = new byte[8192];

        assertEquals(8192, whole.read(buffer, 0, 8192));
        assertEquals(8192, whole.read(buffer, 0, 8192));
        assertEquals(20_000 - 2 * 8192, whole.read(buffer, 0, 8192));
        assertEquals(-1, whole.read(buffer, 0, 8192));
        assertEquals(0, whole.read(buffer, 0, 0));
    }

    @Test
    void transferToCopiesEveryByteInWholeBuffers() throws IOException {
        byte[] body = new byte[100_003];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 13);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream() {
            @Override
            public void write(byte[] b, int off, int len) {
                // what the store's transferTo writes on Java 17 (8 KiB buffers): whole buffers, the object's tail last
                if (count + len < 100_003) {
                    assertEquals(8192, len);
                }
                super.write(b, off, len);
            }
        };
        new WholeBufferBlobStore.FillingInputStream(new Trickle(body)).transferTo(file);
        assertArrayEquals(body, file.toByteArray());
    }
}
