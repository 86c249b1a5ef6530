package io.trustline.notification.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trustline.notification.filters.ContentFilter;
import io.trustline.notification.targets.TargetAddressGuard;
import io.trustline.platform.problem.Problem;
import io.trustline.platform.rest.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code PATCH /webhooks/endpoints/{endpointId}}: a JSON merge patch (RFC 7396) of the endpoint. The values are read
 * into this record and checked as at registration; which fields the body named, and which it named as null, only the
 * body itself can tell, so {@link #given(ObjectNode)} reads those from it.
 */
@Schema(description = "A JSON merge patch (RFC 7396) of the endpoint: each field given replaces that setting, null "
        + "removes an optional one (filter, clientIds, description), a field left out is kept. {} changes nothing.",
        additionalProperties = Schema.False.class, example = """
        {"description": "Partner dashboard: critical issues of two clients",
         "filter": "has(data.priority) && data.priority == \\"CRITICAL\\"",
         "clientIds": ["acme-dental", "globex"], "enabled": true}""")
public record PatchWebhookEndpointRequest(
        @Size(max = EndpointRules.URL_MAX) @Pattern(regexp = EndpointRules.URL, message = EndpointRules.URL_MESSAGE)
        @Schema(format = "uri", description = "Where deliveries go from the next attempt on, checked as at registration. "
                + "Cannot be removed.")
        String url,
        @Size(min = 1, max = EndpointRules.EVENT_TYPES_MAX)
        @Schema(description = "Replaces the subscribed types; at least one. Cannot be removed.")
        List<@NotNull @Pattern(regexp = EndpointRules.EVENT_TYPE, message = EndpointRules.EVENT_TYPE_MESSAGE) String> eventTypes,
        @Size(min = 1, max = ContentFilter.MAX_LENGTH) @Pattern(regexp = EndpointRules.FILTER, message = PlainText.MESSAGE)
        @Schema(nullable = true, description = "A CEL filter as at registration, replacing the current one; null removes "
                + "it (every event of the types).")
        String filter,
        @Size(min = 1, max = EndpointRules.CLIENT_IDS_MAX)
        @Schema(nullable = true, description = "Replaces the client allow-list; null removes it (every client).")
        List<@NotNull @Size(max = EndpointRules.CLIENT_ID_MAX)
                @Pattern(regexp = EndpointRules.CLIENT_ID, message = EndpointRules.CLIENT_ID_MESSAGE) String> clientIds,
        @Size(max = EndpointRules.DESCRIPTION_MAX)
        @Pattern(regexp = EndpointRules.DESCRIPTION, message = EndpointRules.DESCRIPTION_MESSAGE)
        @Schema(nullable = true, description = "Your note on the endpoint; null removes it.")
        String description,
        @Schema(description = "false: nothing new is enqueued and waiting deliveries are held, not attempted; true: "
                + "enabled again, also after delivery disabled it (410 Gone, failing too long), and the held "
                + "deliveries go out in order. Cannot be removed.")
        Boolean enabled) {

    private static final String ENABLED = "enabled";
    private static final Map<String, EndpointSetting> SETTINGS = Map.of(
            EndpointSetting.URL.jsonName(), EndpointSetting.URL,
            EndpointSetting.EVENT_TYPES.jsonName(), EndpointSetting.EVENT_TYPES,
            EndpointSetting.FILTER.jsonName(), EndpointSetting.FILTER,
            EndpointSetting.CLIENT_IDS.jsonName(), EndpointSetting.CLIENT_IDS,
            EndpointSetting.DESCRIPTION.jsonName(), EndpointSetting.DESCRIPTION);
    private static final Set<EndpointSetting> REMOVABLE =
            EnumSet.of(EndpointSetting.FILTER, EndpointSetting.CLIENT_IDS, EndpointSetting.DESCRIPTION);
    private static final String FIELDS = "url, eventTypes, filter, clientIds, description, enabled";

    /**
     * Every field of the body that is not one of this record's, or that is null where nothing can be removed; empty
     * when the body is a patch of an endpoint.
     */
    static List<Problem.FieldError> misnamed(ObjectNode body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        body.fields().forEachRemaining(field -> {
            String name = field.getKey();
            EndpointSetting setting = SETTINGS.get(name);
            if (setting == null && !name.equals(ENABLED)) {
                errors.add(new Problem.FieldError(name, "is not a field of a webhook endpoint; a patch may hold "
                        + FIELDS + "."));
            } else if (field.getValue().isNull() && !REMOVABLE.contains(setting)) {
                errors.add(new Problem.FieldError(name, "cannot be removed; leave it out to keep it."));
            }
        });
        return errors;
    }

    /** The settings the body names, null ones included (those it removes). */
    static Set<EndpointSetting> given(ObjectNode body) {
        Set<EndpointSetting> given = EnumSet.noneOf(EndpointSetting.class);
        SETTINGS.forEach((name, setting) -> {
            JsonNode value = body.get(name);
            if (value != null) {
                given.add(setting);
            }
        });
        return given;
    }

    /** Refuses, as at registration, a URL Trustline would not call and a filter that does not compile. */
    void check(TargetAddressGuard targets) {
        if (url != null) {
            EndpointRules.checkTarget(url, targets);
        }
        EndpointRules.checkFilter(filter);
    }

    EndpointPatch toPatch(Set<EndpointSetting> given) {
        return new EndpointPatch(given, url, eventTypes == null ? null : eventTypes.stream().distinct().toList(), filter,
                clientIds == null ? null : clientIds.stream().distinct().toList(), description, enabled);
    }
}
