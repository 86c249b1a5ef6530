package io.trustline.intake.psa.halo;

import com.fasterxml.jackson.databind.JsonNode;
import io.trustline.intake.api.Priority;
import io.trustline.intake.psa.PriorityWords;
import io.trustline.intake.psa.WebhookJson;

/**
 * A Halo ticket's priority as Trustline's {@link Priority}: by its name when Halo sends the priority object (ids are
 * configurable per instance), otherwise by Halo's default ids 1 Critical, 2 High, 3 Medium, 4 Low. Anything else is
 * left unknown rather than guessed.
 */
final class HaloPriority {

    private HaloPriority() {
    }

    static Priority of(JsonNode ticket) {
        JsonNode priority = WebhookJson.object(ticket, "priority", "ticket.priority");
        String name = priority == null ? null : WebhookJson.text(priority, "name", "ticket.priority.name");
        if (name != null) {
            Priority byName = PriorityWords.of(name);
            if (byName != null) {
                return byName;
            }
        }
        Long id = WebhookJson.number(ticket, "priority_id", "ticket.priority_id");
        if (id == null || id < 1 || id > 4) {
            return null;
        }
        return switch (id.intValue()) {
            case 1 -> Priority.CRITICAL;
            case 2 -> Priority.HIGH;
            case 3 -> Priority.MEDIUM;
            case 4 -> Priority.LOW;
            default -> null;
        };
    }
}
