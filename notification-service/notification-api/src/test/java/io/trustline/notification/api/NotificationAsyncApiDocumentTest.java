package io.trustline.notification.api;

import io.trustline.testkit.asyncapi.EventsDocumentContract;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of {@value NotificationTopics#EVENTS} ({@code src/main/resources/asyncapi/}) is what the records
 * publish: generated from them and their Javadoc, every golden file valid against its message, and valid for the
 * AsyncAPI CLI.
 */
class NotificationAsyncApiDocumentTest {

    private final EventsDocumentContract contract = EventsDocumentContract.of(NotificationTopics.class,
            NotificationEventTypes.class);

    @Test
    void document_isGeneratedFromTheRecordsAndTheirJavadoc() {
        contract.assertDocumentIsGeneratedFromTheRecords();
    }

    @Test
    void everyGoldenFile_fitsItsMessage_andEveryRecordIsInTheDocument() {
        contract.assertGoldenFilesFitTheirMessages();
    }

    @Test
    void everyRequiredProperty_isOneTheRecordCannotBeReadWithout() {
        contract.assertRequiredPropertiesAreRequiredByTheRecords();
    }

    @Test
    void document_isValidForTheAsyncApiCli() {
        contract.assertValidForTheAsyncApiCli();
    }
}
