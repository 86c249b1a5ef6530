package io.trustline.platform.axon;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;
import org.axonframework.common.IdentifierFactory;

/**
 * Gives every Axon message a UUIDv7 identifier. Event ids become the CloudEvent ids on Kafka and the
 * tie-breaker when two events of one client carry the same occurrence time, so they must sort in the
 * order the events were created. Registered through {@code META-INF/services}, which is how Axon finds
 * its identifier factory.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    // the epoch generator is monotonic within one millisecond, which random UUIDs are not
    private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    @Override
    public String generateIdentifier() {
        return GENERATOR.generate().toString();
    }
}
