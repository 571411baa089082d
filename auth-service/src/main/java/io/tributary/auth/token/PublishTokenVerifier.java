package io.tributary.auth.token;

import io.tributary.auth.channel.ChannelName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;

/**
 * Checks a presented token: format, then the signature in constant time, and only then the claims. Claims of a
 * token whose signature does not match are never looked at, so a forged token cannot learn anything from the answer.
 */
public final class PublishTokenVerifier {
    /** Unix seconds fit 11 digits until the year 5138; more is not a real expiry. */
    private static final int MAX_EXPIRY_DIGITS = 11;
    private static final int SIGNATURE_LENGTH = 43;

    private final PublishTokenSecret secret;

    public PublishTokenVerifier(PublishTokenSecret secret) {
        this.secret = secret;
    }

    public TokenVerdict verify(String text, Instant now) {
        if (text == null || text.length() > PublishToken.MAX_LENGTH) {
            return new TokenVerdict.Invalid();
        }
        int lastDot = text.lastIndexOf('.');
        if (lastDot < 0) {
            return new TokenVerdict.Invalid();
        }
        String signedText = text.substring(0, lastDot);
        String presented = text.substring(lastDot + 1);
        String[] fields = signedText.split("\\.", -1);
        if (fields.length != 3 || !PublishToken.VERSION.equals(fields[0]) || !ChannelName.isValid(fields[1])
                || !isCanonicalUnsigned(fields[2]) || presented.length() != SIGNATURE_LENGTH) {
            return new TokenVerdict.Invalid();
        }
        String expected = PublishTokenSigner.signature(secret, signedText);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII))) {
            return new TokenVerdict.Invalid();
        }
        PublishToken token = new PublishToken(fields[1], Instant.ofEpochSecond(Long.parseLong(fields[2])));
        return now.isBefore(token.expiresAt()) ? new TokenVerdict.Valid(token) : new TokenVerdict.Expired(token);
    }

    private static boolean isCanonicalUnsigned(String s) {
        if (s.isEmpty() || s.length() > MAX_EXPIRY_DIGITS || (s.length() > 1 && s.charAt(0) == '0')) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
