package io.trustline.platform.axon;

import static org.axonframework.deadline.GenericDeadlineMessage.asDeadlineMessage;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.jobrunr.DeadlineDetails;
import org.axonframework.deadline.jobrunr.JobRunrDeadlineManager;
import org.axonframework.deadline.jobrunr.LabelUtils;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jobrunr.jobs.Job;
import org.jobrunr.jobs.JobDetails;
import org.jobrunr.jobs.JobParameter;
import org.jobrunr.jobs.states.ScheduledState;
import org.jobrunr.storage.ConcurrentJobModificationException;
import org.jobrunr.storage.StorageProvider;

/**
 * Axon's JobRunr deadline manager, with two changes to how a deadline is scheduled; firing and cancelling are Axon's.
 *
 * <p><b>Never early.</b> Each job is scheduled one poll interval after its deadline: JobRunr's background server
 * enqueues, at every poll, the jobs due before the <em>next</em> poll and runs them at once, so a job scheduled at
 * the deadline itself may fire up to a poll interval early (jobrunr/jobrunr#440) — a target recorded missed while it
 * could still be met. Shifted, the job is enqueued by the first poll at or after its deadline: never early, at most
 * two poll intervals late. The payload keeps the deadline's own instant, and the message's {@value #DUE_AT}
 * metadata too, for {@link DeadlineFiringLag}.
 *
 * <p><b>No bytecode analysis per deadline.</b> Axon hands JobRunr a lambda, which JobRunr reads with ASM on every
 * call to find the method and arguments it stands for: its caching generator cannot help, because the lambda
 * captures the deadline id as a UUID and passes it on as text. That analysis was 18 % of the CPU of the consumer
 * that opens incidents. The job is built here as exactly what the analysis yields — {@code execute(details, id)} on
 * {@link JobRunrDeadlineManager} — so jobs stored before and after this change are the same and fire alike.
 *
 * <p><b>Keyed deadlines.</b> A {@link KeyedDeadline}'s job id is derived from its scope, name and key, so a second
 * schedule under the same key finds the job stored and is dropped.
 */
public class NeverEarlyDeadlineManager extends JobRunrDeadlineManager {

    /** Metadata of a scheduled deadline message: the instant it is due, ISO-8601. */
    static final String DUE_AT = "trustlineDueAt";
    private static final String EXECUTE = "execute";

    private final Duration pollInterval;
    private final Serializer serializer;
    private final StorageProvider jobs;

    NeverEarlyDeadlineManager(Builder builder, Duration pollInterval, Serializer serializer, StorageProvider jobs) {
        super(builder);
        this.pollInterval = pollInterval;
        this.serializer = serializer;
        this.jobs = jobs;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        Message<?> message = messageOrPayload instanceof Message<?> given ? given : new GenericMessage<>(messageOrPayload);
        Instant fireAt = triggerDateTime.plus(pollInterval);
        DeadlineMessage<Object> deadline = asDeadlineMessage(deadlineName,
                message.andMetaData(Map.of(DUE_AT, triggerDateTime.toString())), fireAt);
        boolean keyed = message.getPayload() instanceof KeyedDeadline;
        UUID deadlineId = message.getPayload() instanceof KeyedDeadline key
                ? UUID.nameUUIDFromBytes((deadlineScope.scopeDescription() + "|" + deadlineName + "|"
                        + key.deadlineKey()).getBytes(StandardCharsets.UTF_8))
                : UUID.randomUUID();
        runOnPrepareCommitOrNow(() -> {
            String details = serializedDetails(deadlineName, deadlineScope, processDispatchInterceptors(deadline));
            Job job = new Job(deadlineId, new JobDetails(JobRunrDeadlineManager.class.getName(), null, EXECUTE,
                    List.of(new JobParameter(String.class, details), new JobParameter(String.class, deadlineId.toString()))),
                    new ScheduledState(fireAt));
            job.setJobName(deadlineName);
            job.setLabels(List.of(LabelUtils.getLabel(deadlineName),
                    LabelUtils.getCombinedLabel(serializer, deadlineName, deadlineScope)));
            try {
                jobs.save(job);
            } catch (ConcurrentJobModificationException alreadyScheduled) {
                if (!keyed) {
                    throw alreadyScheduled;
                }
            }
        });
        return deadlineId.toString();
    }

    /** The text {@link JobRunrDeadlineManager#execute(String, String)} reads back: Axon's {@link DeadlineDetails}. */
    private String serializedDetails(String deadlineName, ScopeDescriptor scope, DeadlineMessage<?> deadline) {
        SerializedObject<String> serializedScope = serializer.serialize(scope, String.class);
        SerializedObject<String> payload = serializer.serialize(deadline.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(deadline.getMetaData(), String.class);
        DeadlineDetails details = new DeadlineDetails(deadlineName, serializedScope.getData(),
                serializedScope.getType().getName(), payload.getData(), payload.getType().getName(),
                payload.getType().getRevision(), metaData.getData());
        return serializer.serialize(details, String.class).getData();
    }
}
