package io.trustline.console.services;

import io.trustline.incident.api.IncidentEventTypes;
import io.trustline.intake.api.IntakeEventTypes;
import io.trustline.notification.api.NotificationEventTypes;
import io.trustline.relationship.api.RelationshipEventTypes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every Trustline CloudEvent type, read from the four {@code *-api} modules' type constants, for the filters and the
 * webhook form: a type added there appears here without a copy to keep in step.
 */
public final class EventTypes {

    public static final List<String> ALL = Stream.of(IntakeEventTypes.class, IncidentEventTypes.class,
                    RelationshipEventTypes.class, NotificationEventTypes.class)
            .flatMap(EventTypes::constants).distinct().sorted().toList();

    /** The types as {@code value} and a shorter {@code label} (without {@code io.trustline.}) for a select. */
    public static List<java.util.Map<String, String>> options() {
        return ALL.stream().map(t -> java.util.Map.of("value", t, "label", t.substring("io.trustline.".length()))).toList();
    }

    private EventTypes() {
    }

    private static Stream<String> constants(Class<?> holder) {
        List<String> types = new ArrayList<>();
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("io.trustline.") && value.matches(".*\\.v\\d+$")) {
                        types.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return types.stream();
    }
}
