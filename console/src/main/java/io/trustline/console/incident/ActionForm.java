package io.trustline.console.incident;

import jakarta.ws.rs.FormParam;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What an incident action form posts: every form's fields (each fills its own) and the key made when it was drawn. */
public class ActionForm {

    @FormParam("idempotencyKey") public String idempotencyKey;
    @FormParam("by") public String by;
    @FormParam("note") public String note;
    @FormParam("steps") public String steps;
    @FormParam("owner") public String owner;
    @FormParam("eta") public String eta;
    @FormParam("message") public String message;
    @FormParam("channel") public String channel;
    @FormParam("asked") public String asked;
    @FormParam("discovery") public String discovery;
    @FormParam("whatHappened") public String whatHappened;
    @FormParam("summary") public String summary;
    @FormParam("howCriteriaMet") public String howCriteriaMet;
    @FormParam("check") public List<String> checks;
    @FormParam("passed") public List<String> passed;
    @FormParam("comment") public String comment;
    @FormParam("reason") public String reason;

    /** What was typed, to fill the form again when the service refused it. */
    Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        String[][] pairs = {{"by", by}, {"note", note}, {"steps", steps}, {"owner", owner}, {"eta", eta}, {"message", message},
                {"asked", asked}, {"whatHappened", whatHappened}, {"summary", summary}, {"comment", comment}, {"reason", reason}};
        for (String[] pair : pairs) {
            typed.put(pair[0], pair[1] == null ? "" : pair[1]);
        }
        return typed;
    }
}
