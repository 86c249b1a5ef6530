package io.trustline.platform.tenancy;

import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** Declares the API-key bearer scheme in every service's OpenAPI document; resources refer to it by name. */
@SecurityScheme(securitySchemeName = ApiKeySecurityScheme.NAME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Your tenant's API key: 'Authorization: Bearer <api key>'.")
public final class ApiKeySecurityScheme {

    public static final String NAME = "apiKey";

    private ApiKeySecurityScheme() {
    }
}
