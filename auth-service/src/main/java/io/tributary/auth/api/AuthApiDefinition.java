package io.tributary.auth.api;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The OpenAPI document's header ({@code /q/openapi}): every {@code /v1} operation needs the admin bearer token. */
@OpenAPIDefinition(
        info = @Info(title = "Tributary auth-service", version = "1",
                description = "Channels, stream keys, signed publish tokens, the publish decision and the live "
                        + "directory. Errors are {\"error\": ..., \"reason\": ...}."),
        security = @SecurityRequirement(name = "admin"))
@SecurityScheme(securitySchemeName = "admin", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "tributary.auth.admin-token")
public class AuthApiDefinition extends Application {
}
