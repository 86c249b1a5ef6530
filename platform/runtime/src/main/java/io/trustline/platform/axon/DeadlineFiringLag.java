package io.trustline.platform.axon;

import io.trustline.platform.metrics.PipelineMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Records how late each deadline fires: from the instant it was due ({@link NeverEarlyDeadlineManager#DUE_AT}) to
 * its handler being called. That includes the poll interval the manager adds on purpose, so it is normally between
 * one and two poll intervals; much more means the job server fell behind or no instance was running. Deadlines
 * scheduled before the metadata existed carry none and are not measured.
 */
final class DeadlineFiringLag implements MessageHandlerInterceptor<DeadlineMessage<?>> {

    private final PipelineMetrics metrics;
    private final Clock clock;

    DeadlineFiringLag(PipelineMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public Object handle(UnitOfWork<? extends DeadlineMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        DeadlineMessage<?> deadline = unitOfWork.getMessage();
        Object dueAt = deadline.getMetaData().get(NeverEarlyDeadlineManager.DUE_AT);
        if (dueAt != null) {
            metrics.deadlineFired(deadline.getDeadlineName(), Duration.between(Instant.parse(dueAt.toString()), clock.instant()));
        }
        return chain.proceed();
    }
}
