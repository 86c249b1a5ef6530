package io.trustline.intake.api;

/**
 * CloudEvent {@code type} values of the events on {@value IntakeTopics#EVENTS}, one per event record,
 * shaped {@code io.trustline.intake.<EventName>.v<version>}.
 *
 * @since v1
 */
public final class IntakeEventTypes {

    /**
     * Type of {@link IssueReported}.
     *
     * @since v1
     */
    public static final String ISSUE_REPORTED = "io.trustline.intake.IssueReported.v1";

    /**
     * Type of {@link ExpectationSet}.
     *
     * @since v1
     */
    public static final String EXPECTATION_SET = "io.trustline.intake.ExpectationSet.v1";

    /**
     * Type of {@link ExpectationRevised}.
     *
     * @since v1
     */
    public static final String EXPECTATION_REVISED = "io.trustline.intake.ExpectationRevised.v1";

    /**
     * Type of {@link PsaTicketLinked}.
     *
     * @since v1
     */
    public static final String PSA_TICKET_LINKED = "io.trustline.intake.PsaTicketLinked.v1";

    /**
     * Type of {@link PsaTicketUpdated}.
     *
     * @since v1
     */
    public static final String PSA_TICKET_UPDATED = "io.trustline.intake.PsaTicketUpdated.v1";

    /**
     * Type of {@link AdvanceNoticeGiven}.
     *
     * @since v1
     */
    public static final String ADVANCE_NOTICE_GIVEN = "io.trustline.intake.AdvanceNoticeGiven.v1";

    /**
     * Type of {@link AdvanceNoticeFulfilled}.
     *
     * @since v1
     */
    public static final String ADVANCE_NOTICE_FULFILLED = "io.trustline.intake.AdvanceNoticeFulfilled.v1";

    private IntakeEventTypes() {
    }
}
