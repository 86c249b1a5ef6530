package io.trustline.notification.streams;

/**
 * The data of a {@code stream-gap} event: the stream was to resume a partition at {@code resumeOffset}, those records
 * are no longer in the log (retention deleted them, or the topic was recreated), so it goes on from the earliest one
 * that is, {@code earliestOffset}. Events in between were missed and cannot be sent.
 *
 * @param topic          the Kafka topic, e.g. {@code trustline.intake.v1}
 * @param partition      its partition
 * @param resumeOffset   the offset the resume token asked for
 * @param earliestOffset the offset the stream goes on from
 */
record StreamGap(String topic, int partition, long resumeOffset, long earliestOffset) {
}
