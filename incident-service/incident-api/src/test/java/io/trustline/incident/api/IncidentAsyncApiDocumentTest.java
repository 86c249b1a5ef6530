package io.trustline.incident.api;

import io.trustline.testkit.asyncapi.EventsDocumentContract;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document of {@value IncidentTopics#EVENTS} ({@code src/main/resources/asyncapi/}) is what the records
 * publish: generated from them and their Javadoc, every golden file valid against its message, and valid for the
 * AsyncAPI CLI.
 */
class IncidentAsyncApiDocumentTest {

    private final EventsDocumentContract contract = EventsDocumentContract.of(IncidentTopics.class,
            IncidentEventTypes.class);

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
