package io.tributary.auth.token;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Produces the text form of a {@link PublishToken} (format in its Javadoc). */
public final class PublishTokenSigner {
    static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PublishTokenSecret secret;

    public PublishTokenSigner(PublishTokenSecret secret) {
        this.secret = secret;
    }

    public String sign(PublishToken token) {
        String signed = token.signedText();
        return signed + "." + signature(secret, signed);
    }

    static String signature(PublishTokenSecret secret, String signedText) {
        return BASE64URL.encodeToString(secret.sign(signedText.getBytes(StandardCharsets.UTF_8)));
    }
}
