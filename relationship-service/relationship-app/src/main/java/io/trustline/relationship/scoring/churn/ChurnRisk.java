package io.trustline.relationship.scoring.churn;

import java.time.Instant;
import java.util.List;

/** How likely a client is to leave as of an instant, and why. */
public record ChurnRisk(Instant asOf, Level level, List<ChurnCause> causes) {

    public enum Level { NONE, LOW, MEDIUM, HIGH }

    public ChurnRisk {
        causes = List.copyOf(causes);
    }

    public boolean has(ChurnCause.Kind kind) {
        return causes.stream().anyMatch(cause -> cause.kind() == kind);
    }

    public ChurnCause cause(ChurnCause.Kind kind) {
        return causes.stream().filter(cause -> cause.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind + " cause in " + causes));
    }
}
