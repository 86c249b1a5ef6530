package io.trustline.intake.notice;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeFulfilled;
import io.trustline.intake.notice.AdvanceNoticeEvent.AdvanceNoticeGiven;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An advance notice as the API shows it; the fulfilment fields are null until it is FULFILLED. */
public record AdvanceNoticeDetails(
        String noticeId,
        String clientId,
        String summary,
        Instant givenAt,
        Instant neededBy,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, format = "duration", description = "neededBy minus givenAt, ISO-8601",
                example = "PT143H") Duration leadTime,
        AdvanceNotice.State state,
        Instant fulfilledAt,
        Boolean onTime,
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        @Schema(type = SchemaType.STRING, format = "duration", description = "fulfilledAt minus neededBy, when late",
                example = "PT2H30M") Duration lateness,
        String note) {

    static AdvanceNoticeDetails given(AdvanceNoticeGiven given) {
        return new AdvanceNoticeDetails(given.noticeId(), given.clientId(), given.summary(), given.givenAt(),
                given.neededBy(), given.leadTime(), AdvanceNotice.State.GIVEN, null, null, null, null);
    }

    static AdvanceNoticeDetails fulfilled(AdvanceNoticeFulfilled fulfilled) {
        return new AdvanceNoticeDetails(fulfilled.noticeId(), fulfilled.clientId(), fulfilled.summary(),
                fulfilled.givenAt(), fulfilled.neededBy(), fulfilled.leadTime(), AdvanceNotice.State.FULFILLED,
                fulfilled.fulfilledAt(), fulfilled.onTime(), fulfilled.lateness(), fulfilled.note());
    }
}
