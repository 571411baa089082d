package io.tributary.testsupport;

import io.tributary.testsupport.s3.EmbeddedS3;
import io.tributary.testsupport.s3.SharedS3;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(S3Extension.class)}: the JVM's shared S3 server ({@link SharedS3}, bucket {@value SharedS3#BUCKET})
 * is up before the class's first test, and an {@link EmbeddedS3} parameter receives it.
 */
public final class S3Extension implements BeforeAllCallback, ParameterResolver {
    @Override
    public void beforeAll(ExtensionContext context) {
        SharedS3.instance();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == EmbeddedS3.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return SharedS3.instance();
    }
}
