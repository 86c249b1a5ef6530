package io.trustline.relationship.timeline;

import io.trustline.testkit.golden.GoldenExample;
import io.trustline.testkit.golden.GoldenJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A published event's golden example as the data {@link CatalogEvents} reads, exactly as a consumer would. */
final class GoldenEventData {

    private GoldenEventData() {
    }

    static CatalogEvents.EventData of(GoldenExample<?> example) {
        return new CatalogEvents.EventData() {
            @Override
            public <T> T as(Class<T> record) {
                try {
                    return GoldenJson.mapper().readValue(example.bytes(), record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
