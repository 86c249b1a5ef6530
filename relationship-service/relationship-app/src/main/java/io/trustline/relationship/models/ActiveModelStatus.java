package io.trustline.relationship.models;

/**
 * The model scoring a tenant's clients, and its latest switch.
 *
 * @param latestSwitch the switch in progress, or the last one (DONE or FAILED); null if there was none
 */
public record ActiveModelStatus(String activeModelId, ModelSwitch latestSwitch) {
}
