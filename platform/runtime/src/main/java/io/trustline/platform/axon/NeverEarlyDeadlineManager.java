package io.trustline.platform.axon;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;

/**
 * Axon's JobRunr deadline manager, with each job scheduled one poll interval after its deadline: JobRunr's
 * background server enqueues, at every poll, the jobs due before the <em>next</em> poll and runs them at once, so
 * a job scheduled at the deadline itself may fire up to a poll interval early (jobrunr/jobrunr#440) — a target
 * recorded missed while it could still be met. Shifted, the job is enqueued by the first poll at or after its
 * deadline: never early, at most two poll intervals late. The payload keeps the deadline's own instant, and the
 * message's {@value #DUE_AT} metadata too, for {@link DeadlineFiringLag}.
 */
public class NeverEarlyDeadlineManager extends JobRunrDeadlineManager {

    /** Metadata of a scheduled deadline message: the instant it is due, ISO-8601. */
    static final String DUE_AT = "trustlineDueAt";

    private final Duration pollInterval;

    NeverEarlyDeadlineManager(Builder builder, Duration pollInterval) {
        super(builder);
        this.pollInterval = pollInterval;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        Message<?> message = messageOrPayload instanceof Message<?> given ? given : new GenericMessage<>(messageOrPayload);
        return super.schedule(triggerDateTime.plus(pollInterval), deadlineName,
                message.andMetaData(Map.of(DUE_AT, triggerDateTime.toString())), deadlineScope);
    }
}
