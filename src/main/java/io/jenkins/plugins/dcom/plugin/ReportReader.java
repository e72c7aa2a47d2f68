package io.jenkins.plugins.dcom.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.text.UntrustedText;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the engine's {@code report.json} (schema 1, docs/reports.md) into what the build page shows. What hosts
 * sent is shown as {@link UntrustedText} shows it: report.json keeps the exact text, the page never shows it raw.
 */
final class ReportReader {
    private ReportReader() {
    }

    static List<HostRow> hosts(File reportJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(reportJson);
        if (root.path("schema").asInt() != 1) {
            throw new IOException(reportJson + ": report schema " + root.path("schema") + " is not 1");
        }
        List<HostRow> rows = new ArrayList<HostRow>();
        for (JsonNode host : root.path("hosts")) {
            rows.add(new HostRow(host.path("address").asText(), text(host, "name"), host.path("role").asText(),
                    host.path("transport").asText(), host.path("status").asText(), host.path("outcome").asText(),
                    UntrustedText.line(host.path("message").asText()), list(host.get("before")), list(host.get("after")),
                    list(host.get("diff"))));
        }
        return rows;
    }

    private static String text(JsonNode host, String field) {
        JsonNode value = host.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String list(JsonNode array) {
        if (array == null || array.isNull()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode item : array) {
            text.append(text.length() == 0 ? "" : ", ").append(UntrustedText.entry(item.asText()));
        }
        return text.toString();
    }
}
