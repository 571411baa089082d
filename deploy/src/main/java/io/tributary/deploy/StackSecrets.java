package io.tributary.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local stack's credentials: the S3 server's access and secret key, the admin token of auth-service, and the
 * demo channel's stream key (auth-service stores only its hash, so the launcher keeps the key to print it again).
 * Made once with {@link SecureRandom}, kept in {@code secrets.json} (mode 600) so a restart keeps working with
 * the data and the clients configured before it.
 */
record StackSecrets(String s3AccessKey, String s3SecretKey, String adminToken, String demoStreamKey) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Access keys look like AWS's (20 upper-case letters and digits), which some S3 tools expect. */
    private static final String ACCESS_KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    StackSecrets {
        if (isBlank(s3AccessKey) || isBlank(s3SecretKey) || isBlank(adminToken) || isBlank(demoStreamKey)) {
            throw new IllegalArgumentException("every secret must be present");
        }
    }

    static StackSecrets loadOrCreate(Path file) {
        if (Files.exists(file)) {
            try {
                com.fasterxml.jackson.databind.JsonNode json = JSON.readTree(file.toFile());
                if (!json.hasNonNull("demoStreamKey")) {
                    // written before the demo channel existed: keep the other secrets, add the key
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("demoStreamKey",
                            demoKey(new SecureRandom()));
                    PrivateFiles.write(file, JSON.writeValueAsBytes(json));
                }
                StackSecrets secrets = JSON.treeToValue(json, StackSecrets.class);
                PrivateFiles.restrict(file);
                return secrets;
            } catch (IOException | IllegalArgumentException e) {
                throw new StackException(file + " is unreadable (" + e.getMessage()
                        + "); delete it to make new secrets (the S3 data stays, clients need the new keys)", e);
            }
        }
        StackSecrets secrets = generate(new SecureRandom());
        try {
            PrivateFiles.write(file, JSON.writeValueAsBytes(secrets));
        } catch (IOException e) {
            throw new StackException("cannot write " + file + ": " + e.getMessage(), e);
        }
        return secrets;
    }

    static StackSecrets generate(SecureRandom random) {
        StringBuilder accessKey = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            accessKey.append(ACCESS_KEY_ALPHABET.charAt(random.nextInt(ACCESS_KEY_ALPHABET.length())));
        }
        return new StackSecrets(accessKey.toString(), randomToken(random, 30), randomToken(random, 32), demoKey(random));
    }

    /** A stream key shaped like the ones auth-service makes: {@code tsk_} and 256 random bits. */
    private static String demoKey(SecureRandom random) {
        return "tsk_" + randomToken(random, 32);
    }

    private static String randomToken(SecureRandom random, int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "StackSecrets[redacted]";
    }
}
