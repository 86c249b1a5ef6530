package io.trustline.incident.api;

/**
 * CloudEvent {@code type} values of the events on {@value IncidentTopics#EVENTS}, one per event record,
 * shaped {@code io.trustline.incident.<EventName>.v<version>}.
 *
 * @since v1
 */
public final class IncidentEventTypes {

    /**
     * Type of {@link IncidentOpened}.
     *
     * @since v1
     */
    public static final String INCIDENT_OPENED = "io.trustline.incident.IncidentOpened.v1";

    /**
     * Type of {@link ActionPlanIssued}.
     *
     * @since v1
     */
    public static final String ACTION_PLAN_ISSUED = "io.trustline.incident.ActionPlanIssued.v1";

    private IncidentEventTypes() {
    }
}
