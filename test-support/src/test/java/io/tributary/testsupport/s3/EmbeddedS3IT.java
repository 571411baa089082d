package io.tributary.testsupport.s3;

import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.PutObjectArgs;
import io.tributary.testsupport.PortInUseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedS3IT {
    @Test
    void keepsObjectsAcrossARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        byte[] body = "kept".getBytes(StandardCharsets.UTF_8);
        try (EmbeddedS3 first = EmbeddedS3.start(dir, 0, "k", "secret-k")) {
            first.createBucket("media");
            first.client().putObject(PutObjectArgs.builder().bucket("media").object("archive/alice/s1.mp4")
                    .stream(new ByteArrayInputStream(body), body.length, -1).build());
        }
        try (EmbeddedS3 second = EmbeddedS3.start(dir, 0, "k", "secret-k");
             GetObjectResponse got = second.client().getObject(GetObjectArgs.builder().bucket("media").object("archive/alice/s1.mp4").build())) {
            assertEquals("kept", new String(got.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void namesTheTakenPort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            PortInUseException e = assertThrows(PortInUseException.class,
                    () -> EmbeddedS3.start(dir, taken.getLocalPort(), "k", "s"));
            assertEquals(taken.getLocalPort(), e.port());
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort() + " (S3)"), e.getMessage());
        }
    }
}
