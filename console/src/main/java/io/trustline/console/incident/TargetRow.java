package io.trustline.console.incident;

/**
 * One target of an incident against what happened: {@code due} the deadline, {@code happened} when it was met (null
 * while not), {@code late} when the service judged it missed (met late or not at all).
 */
public record TargetRow(String name, String due, String status, String happened, boolean late) {
}
