package io.trustline.platform.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * The REST layer's JSON policy, the same in every service: a value of the wrong JSON type is refused, never
 * coerced. No numbers or booleans as strings, no strings as numbers, no enum ordinals, no empty string as
 * "absent", no fractions truncated into integers, no duplicate keys, nothing after the body, and dates only as
 * RFC 3339 text with a four-digit year (no epoch numbers, not even as digit strings).
 *
 * <p>Only the mapper of the HTTP API is configured here. {@code TrustlineJson}, which reads stored events and
 * writes published ones, stays as it is: events stored years ago must still be readable.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** RFC 3339 has four-digit years; a deadline outside them is a typo or a probe, never a plan. */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.ACCEPT_EMPTY_STRING_AS_NULL_OBJECT, false);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        mapper.configure(JsonParser.Feature.STRICT_DUPLICATE_DETECTION, true);
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setAcceptBlankAsEmpty(false);
        // an integer is a valid JSON number for a decimal field (a cost of 1200); only the reverse truncates
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.registerModule(new SimpleModule("trustline-strict-dates")
                .addDeserializer(Instant.class, new TextualDate<>(Instant.class,
                        text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant(),
                        instant -> instant))
                .addDeserializer(OffsetDateTime.class, new TextualDate<>(OffsetDateTime.class,
                        text -> OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        OffsetDateTime::toInstant))
                .addDeserializer(LocalDate.class, new TextualDate<>(LocalDate.class,
                        text -> LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE),
                        date -> date.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)))
                .setDeserializerModifier(new BeanDeserializerModifier() {
                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                                      BeanDescription description, JsonDeserializer<?> deserializer) {
                        return new ExactEnumName(deserializer);
                    }
                }));
    }

    @Override
    public int priority() {
        // after Quarkus' own customizers, so these deserializers win over the JavaTimeModule's lenient ones
        return MINIMUM_PRIORITY;
    }

    /** Jackson trims enum names, so {@code "STOPPED\u0000"} or {@code " STOPPED"} would pass as STOPPED. */
    private static final class ExactEnumName extends DelegatingDeserializer {

        ExactEnumName(JsonDeserializer<?> enumDeserializer) {
            super(enumDeserializer);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
            return new ExactEnumName(newDelegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                String text = p.getText();
                if (!text.isEmpty() && (text.charAt(0) <= ' ' || text.charAt(text.length() - 1) <= ' ')) {
                    return ctxt.handleWeirdStringValue(handledType(), text, "spaces or control characters around the name");
                }
            }
            return super.deserialize(p, ctxt);
        }
    }

    private static final class TextualDate<T> extends StdScalarDeserializer<T> {

        private final Function<String, T> parse;
        private final Function<T, Instant> instant;

        TextualDate(Class<T> type, Function<String, T> parse, Function<T, Instant> instant) {
            super(type);
            this.parse = parse;
            this.instant = instant;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (T) ctxt.handleUnexpectedToken(handledType(), p);
            }
            String text = p.getText();
            T value;
            try {
                value = parse.apply(text);
            } catch (DateTimeException e) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "not an RFC 3339 date-time such as 2026-03-03T12:00:00Z");
            }
            Instant at = instant.apply(value);
            if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
                return (T) ctxt.handleWeirdStringValue(handledType(), text, "the year must be between 0001 and 9999");
            }
            return value;
        }
    }
}
