package io.jenkins.plugins.dcom.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.policy.Check;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.RunResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: schema {@value #SCHEMA}, documented in {@code docs/reports.md}. Top level {@code schema},
 * {@code tool}, {@code run}, {@code summary}, {@code hosts}, {@code connectivity}; every host of the run is listed,
 * failed ones too. Written with jackson-core's streaming generator, host by host: a report of any fleet's size passes
 * through a buffer, never whole through memory.
 */
public final class JsonReport {
    /** Version of the layout; raised on any incompatible change. */
    public static final int SCHEMA = 1;
    /** Non-ASCII is written as escapes, so that any text a host sent (lone surrogates too) stays exact and valid JSON. */
    private static final JsonFactory JSON = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private JsonReport() {
    }

    /** @return the report of a run that holds its hosts, as UTF-8 (ASCII) bytes */
    public static byte[] bytes(RunResult run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportWriter.withSpool(run, null, spool -> write(run, spool, out));
        return out.toByteArray();
    }

    /**
     * Writes the report to {@code out} as UTF-8 (ASCII): the run's parts indented, each host on a line of its own, in
     * inventory order, read from the spool one at a time; {@code out} is flushed, not closed.
     */
    static void write(RunResult run, ReportSpool spool, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setPrettyPrinter(new DefaultPrettyPrinter().withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));
            json.writeStartObject();
            json.writeNumberField("schema", SCHEMA);
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", ToolVersion.NAME);
            json.writeStringField("version", ToolVersion.get());
            json.writeEndObject();
            run(run, json);
            json.writeArrayFieldStart("hosts");
            for (int slot = 0; slot < spool.size(); slot++) {
                json.writeRawValue(new String(spool.part(slot, ReportSpool.Part.JSON), StandardCharsets.US_ASCII));
            }
            json.writeEndArray();
            ConnectivityReport.json(json, run.connectivity());
            strings(json, "rollout", run.getRolloutLog());
            strings(json, "warnings", run.getWarnings());
            json.writeEndObject();
        }
    }

    /** @return one host's entry of {@code hosts}, on one line, ASCII */
    static byte[] host(HostResult host) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            host(host, json);
        }
        return out.toByteArray();
    }

    private static void run(RunResult run, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("run");
        json.writeStringField("id", run.getRunId());
        json.writeStringField("mode", run.getMode().name());
        json.writeBooleanField("dryRun", run.isDryRun());
        json.writeBooleanField("restart", run.isRestart());
        json.writeStringField("policy", run.getPolicy());
        json.writeStringField("started", run.getStarted().toString());
        json.writeStringField("finished", run.getFinished().toString());
        json.writeNumberField("durationMillis", run.getFinished().toEpochMilli() - run.getStarted().toEpochMilli());
        json.writeEndObject();
        json.writeObjectFieldStart("summary");
        json.writeNumberField("hosts", run.hostCount());
        json.writeNumberField("exitCode", run.exitCode());
        json.writeObjectFieldStart("counts");
        for (Map.Entry<HostStatus, Integer> count : run.counts().entrySet()) {
            json.writeNumberField(count.getKey().name(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void host(HostResult result, JsonGenerator json) throws IOException {
        Target target = result.getTarget();
        json.writeStartObject();
        json.writeStringField("host", target.getHost());
        if (target.getPort() == null) {
            json.writeNullField("port");
        } else {
            json.writeNumberField("port", target.getPort());
        }
        json.writeStringField("address", target.address());
        json.writeStringField("name", target.getName());
        json.writeStringField("role", target.getRole().label());
        json.writeStringField("transport", result.getTransport());
        json.writeStringField("channel", result.getChannel());
        json.writeStringField("windowsVersion", result.getWindowsVersion());
        json.writeStringField("windowsRelease", result.getWindowsRelease());
        json.writeStringField("status", result.getStatus().name());
        json.writeStringField("outcome", result.getStatus().outcome().name());
        json.writeStringField("failure", result.getFailure() == null ? null : result.getFailure().name());
        json.writeStringField("message", result.getMessage());
        strings(json, "before", result.getBefore());
        strings(json, "after", result.getAfter());
        strings(json, "planned", result.getPlanned());
        strings(json, "diff", result.diff().lines());
        json.writeArrayFieldStart("findings");
        for (Finding finding : result.getFindings()) {
            json.writeStartObject();
            json.writeStringField("severity", finding.getSeverity().name());
            json.writeStringField("rule", finding.getRule());
            json.writeStringField("message", finding.getMessage());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("checks");
        for (Check check : result.getChecks()) {
            json.writeStartObject();
            json.writeStringField("rule", check.getRule());
            json.writeStringField("result", check.getResult().name());
            json.writeStringField("detail", check.getDetail());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("backup", result.getBackupFile());
        json.writeObjectFieldStart("timingsMillis");
        for (Map.Entry<String, Long> phase : result.getPhaseMillis().entrySet()) {
            json.writeNumberField(phase.getKey(), phase.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    /** Writes {@code field} as an array of strings, or {@code null} when {@code values} is. */
    static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        if (values == null) {
            json.writeNullField(field);
            return;
        }
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
