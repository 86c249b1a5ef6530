package io.trustline.intake.issue;

/** JSON bodies of {@code POST /issues} as a PSA integration sends them. */
public final class IssueRequests {

    private IssueRequests() {
    }

    /** Seed 001's payroll story: everyone stopped, payroll due tomorrow. */
    public static String payroll(String clientId) {
        return """
                {
                  "clientId": "%s",
                  "summary": "Payroll server unreachable",
                  "reportedBy": {"name": "Dana Office", "email": "dana@acme.example"},
                  "channel": "PHONE",
                  "priority": "CRITICAL",
                  "expectation": {
                    "who": {"scope": "EVERYONE", "affectedCount": 25},
                    "what": {"impact": "STOPPED", "costPerHour": 1200},
                    "when": {"resolveBy": "2099-03-03T12:00:00Z", "reason": "payroll is due tomorrow"},
                    "where": {"location": "head office", "workMode": "ON_SITE"},
                    "how": {"resolvedWhen": "payroll runs and the bank file is accepted",
                            "acceptanceChecks": ["payroll export completes", "bank accepts file"]}
                  }
                }
                """.formatted(clientId);
    }
}
