package io.trustline.console.services;

/** The four services the console calls, each through its public REST API. */
public enum Service {
    INTAKE, INCIDENT, RELATIONSHIP, NOTIFICATION
}
