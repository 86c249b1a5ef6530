package io.trustline.platform.axon;

/**
 * A deadline payload scheduled at most once per key within its scope and name: scheduling another with a key
 * already scheduled does nothing, so a deadline that reschedules itself when it fires stays one deadline even if
 * it fires twice (JobRunr runs a job at least once) or two of them reschedule to the same key.
 */
public interface KeyedDeadline {

    /** What tells this deadline apart from every other of its name within the scope. */
    String deadlineKey();
}
