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

    /**
     * Type of {@link IssueAcknowledged}.
     *
     * @since v1
     */
    public static final String ISSUE_ACKNOWLEDGED = "io.trustline.incident.IssueAcknowledged.v1";

    /**
     * Type of {@link ActionPlanCompleted}.
     *
     * @since v1
     */
    public static final String ACTION_PLAN_COMPLETED = "io.trustline.incident.ActionPlanCompleted.v1";

    /**
     * Type of {@link ProactiveUpdateSent}.
     *
     * @since v1
     */
    public static final String PROACTIVE_UPDATE_SENT = "io.trustline.incident.ProactiveUpdateSent.v1";

    /**
     * Type of {@link ClientChasedUpdate}.
     *
     * @since v1
     */
    public static final String CLIENT_CHASED_UPDATE = "io.trustline.incident.ClientChasedUpdate.v1";

    /**
     * Type of {@link ServiceDisruptionAdmitted}.
     *
     * @since v1
     */
    public static final String SERVICE_DISRUPTION_ADMITTED = "io.trustline.incident.ServiceDisruptionAdmitted.v1";

    /**
     * Type of {@link MiscommunicationRecorded}.
     *
     * @since v1
     */
    public static final String MISCOMMUNICATION_RECORDED = "io.trustline.incident.MiscommunicationRecorded.v1";

    /**
     * Type of {@link IssueResolved}.
     *
     * @since v1
     */
    public static final String ISSUE_RESOLVED = "io.trustline.incident.IssueResolved.v1";

    /**
     * Type of {@link ResolutionConfirmed}.
     *
     * @since v1
     */
    public static final String RESOLUTION_CONFIRMED = "io.trustline.incident.ResolutionConfirmed.v1";

    /**
     * Type of {@link IssueReopened}.
     *
     * @since v1
     */
    public static final String ISSUE_REOPENED = "io.trustline.incident.IssueReopened.v1";

    /**
     * Type of {@link ResponseTargetsSet}.
     *
     * @since v1
     */
    public static final String RESPONSE_TARGETS_SET = "io.trustline.incident.ResponseTargetsSet.v1";

    /**
     * Type of {@link ResponseTargetMissed}.
     *
     * @since v1
     */
    public static final String RESPONSE_TARGET_MISSED = "io.trustline.incident.ResponseTargetMissed.v1";

    /**
     * Type of {@link ProactiveUpdateOverdue}.
     *
     * @since v1
     */
    public static final String PROACTIVE_UPDATE_OVERDUE = "io.trustline.incident.ProactiveUpdateOverdue.v1";

    /**
     * Type of {@link ExpectationMet}.
     *
     * @since v1
     */
    public static final String EXPECTATION_MET = "io.trustline.incident.ExpectationMet.v1";

    /**
     * Type of {@link ExpectationMissed}.
     *
     * @since v1
     */
    public static final String EXPECTATION_MISSED = "io.trustline.incident.ExpectationMissed.v1";

    private IncidentEventTypes() {
    }
}
