package io.tributary.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackSecretsTest {

    @TempDir
    Path dir;

    @Test
    void makesSecretsOnceAndKeepsThemAcrossRestarts() {
        Path file = dir.resolve("secrets.json");

        StackSecrets first = StackSecrets.loadOrCreate(file);
        StackSecrets second = StackSecrets.loadOrCreate(file);

        assertEquals(first, second);
    }

    @Test
    void addsADemoStreamKeyToSecretsWrittenBeforeItExistedAndKeepsTheRest() throws IOException {
        Path file = dir.resolve("secrets.json");
        Files.writeString(file, "{\"s3AccessKey\":\"AKIA\",\"s3SecretKey\":\"s\",\"adminToken\":\"t\"}");

        StackSecrets upgraded = StackSecrets.loadOrCreate(file);

        assertEquals("AKIA", upgraded.s3AccessKey());
        assertEquals("t", upgraded.adminToken());
        assertTrue(upgraded.demoStreamKey().matches("tsk_[A-Za-z0-9_-]{43}"), "shaped like auth-service's keys");
        assertEquals(upgraded, StackSecrets.loadOrCreate(file), "and keeps it from then on");
    }

    @Test
    void writesTheFileReadableByTheOwnerOnly() throws IOException {
        Path file = dir.resolve("secrets.json");

        StackSecrets.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void narrowsAnExistingFileToOwnerOnly() throws IOException {
        Path file = dir.resolve("secrets.json");
        StackSecrets.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        StackSecrets.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void generatesDistinctS3StyleKeysAndALongToken() {
        SecureRandom random = new SecureRandom();
        StackSecrets a = StackSecrets.generate(random);
        StackSecrets b = StackSecrets.generate(random);

        assertTrue(a.s3AccessKey().matches("[A-Z2-7]{20}"), a.s3AccessKey());
        assertEquals(40, a.s3SecretKey().length());
        assertEquals(43, a.adminToken().length()); // 32 random bytes, base64url without padding
        assertNotEquals(a.adminToken(), b.adminToken());
        assertNotEquals(a.s3SecretKey(), b.s3SecretKey());
    }

    @Test
    void neverPrintsTheSecretsThroughToString() {
        StackSecrets secrets = StackSecrets.generate(new SecureRandom());

        assertFalse(secrets.toString().contains(secrets.adminToken()));
        assertFalse(secrets.toString().contains(secrets.s3SecretKey()));
    }
}
