package io.trustline.intake.integration;

import io.trustline.platform.problem.InvalidFieldException;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /integrations}: connects one of the tenant's PSAs. Which secret is required depends on {@code kind}:
 * AUTOTASK needs {@code webhookSecret}, HALO needs {@code basicAuth}, CONNECTWISE needs {@code allowedKeyHosts};
 * any of them given for another kind is refused.
 */
@Schema(description = "Connects a PSA. AUTOTASK requires webhookSecret, HALO requires basicAuth, CONNECTWISE requires "
        + "allowedKeyHosts; each is refused for the other kinds. Secrets are stored encrypted and never returned.",
        example = """
                {"kind": "AUTOTASK", "name": "Autotask production", "webhookSecret": "3f9c2a7e51b04d6c8e1f"}""")
public record CreateIntegrationRequest(
        @NotNull IntegrationKind kind,
        @NotBlank @Size(max = 200) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
        @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String name,
        @Schema(description = "AUTOTASK only: the secret key Autotask signs x-hook-signature with", writeOnly = true)
        @Size(min = 1, max = 500) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE) String webhookSecret,
        @Schema(description = "HALO only: the Basic credentials Halo sends with each webhook", writeOnly = true)
        @Valid BasicAuthRequest basicAuth,
        @Schema(description = "CONNECTWISE only: the hosts the callback signing key may be fetched from (its key_url)")
        @Size(min = 1, max = 20) List<@NotNull @Size(max = 253) @Pattern(regexp = HOST, message = HOST_MESSAGE) String> allowedKeyHosts) {

    /** A DNS host name in lower case, at least two labels. */
    static final String HOST = "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$";
    // the username pattern with at least one character String.isBlank() does not count as white space
    static final String USERNAME_NOT_BLANK = "^[^\\x00-\\x1F\\x7F:]*"
            + "[^\\x00-\\x20\\x7F:\\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000][^\\x00-\\x1F\\x7F:]*$";
    static final String HOST_MESSAGE = "must be a host name in lower case, such as api-na.myconnectwise.net";

    public record BasicAuthRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = "^[^\\x00-\\x1F\\x7F:]*$", message = "must be one line without control characters or ':'")
            @Schema(pattern = USERNAME_NOT_BLANK) String username,
            @NotBlank @Size(max = 500) @Pattern(regexp = PlainText.ONE_LINE, message = PlainText.ONE_LINE_MESSAGE)
            @Schema(pattern = PlainText.ONE_LINE_NOT_BLANK) String password) {
    }

    /**
     * The credentials this request sets, for its kind.
     *
     * @throws InvalidFieldException naming a secret the kind requires and the request lacks, or one it gives
     *         that belongs to another kind
     */
    IntegrationCredentials credentials() {
        return switch (kind) {
            case CONNECTWISE -> {
                refuse("webhookSecret", webhookSecret);
                refuse("basicAuth", basicAuth);
                require("allowedKeyHosts", allowedKeyHosts);
                if (allowedKeyHosts.stream().distinct().count() != allowedKeyHosts.size()) {
                    throw new InvalidFieldException("allowedKeyHosts", "names a host more than once.");
                }
                yield new IntegrationCredentials.ConnectWise(allowedKeyHosts);
            }
            case AUTOTASK -> {
                refuse("basicAuth", basicAuth);
                refuse("allowedKeyHosts", allowedKeyHosts);
                require("webhookSecret", webhookSecret);
                yield new IntegrationCredentials.Autotask(webhookSecret);
            }
            case HALO -> {
                refuse("webhookSecret", webhookSecret);
                refuse("allowedKeyHosts", allowedKeyHosts);
                require("basicAuth", basicAuth);
                yield new IntegrationCredentials.Halo(basicAuth.username(), basicAuth.password());
            }
        };
    }

    /** Whether this request asks for the integration that was stored (a retry). */
    boolean creates(IntegrationDetails stored, IntegrationCredentials storedCredentials) {
        return kind == stored.kind() && name.equals(stored.name()) && credentials().equals(storedCredentials);
    }

    private void refuse(String field, Object value) {
        if (value != null) {
            throw new InvalidFieldException(field, "is not used by " + kind + " integrations; leave it out.");
        }
    }

    private void require(String field, Object value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required for " + kind + " integrations.");
        }
    }

    @Override
    public String toString() {
        return "CreateIntegrationRequest[kind=" + kind + ", name=" + name + ", allowedKeyHosts=" + allowedKeyHosts
                + ", secrets=***]";
    }
}
