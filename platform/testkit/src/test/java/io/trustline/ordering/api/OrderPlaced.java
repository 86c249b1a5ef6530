package io.trustline.ordering.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** Fixture: a published event that needs only the JDK and Jackson annotations. */
public record OrderPlaced(@JsonProperty("orderId") String orderId, Instant placedAt) {
}
