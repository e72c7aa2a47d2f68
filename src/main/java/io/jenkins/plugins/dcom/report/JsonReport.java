package io.jenkins.plugins.dcom.report;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.dcom.inventory.Target;
import io.jenkins.plugins.dcom.policy.Check;
import io.jenkins.plugins.dcom.policy.Finding;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.RunResult;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: schema {@value #SCHEMA}, documented in {@code docs/reports.md}. Top level {@code schema},
 * {@code tool}, {@code run}, {@code summary}, {@code hosts}, {@code connectivity}; every host of the run is listed,
 * failed ones too.
 */
public final class JsonReport {
    /** Version of the layout; raised on any incompatible change. */
    public static final int SCHEMA = 1;
    /** Non-ASCII is written as escapes, so that any text a host sent (lone surrogates too) stays exact and valid JSON. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private JsonReport() {
    }

    /** @return the report as UTF-8 (ASCII) bytes */
    public static byte[] bytes(RunResult run) throws IOException {
        return JSON.writeValueAsBytes(tree(run));
    }

    /** @return the report as a JSON tree */
    public static ObjectNode tree(RunResult run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("schema", SCHEMA);
        root.putObject("tool").put("name", ToolVersion.NAME).put("version", ToolVersion.get());
        ObjectNode meta = root.putObject("run");
        meta.put("id", run.getRunId()).put("mode", run.getMode().name()).put("dryRun", run.isDryRun())
                .put("restart", run.isRestart()).put("policy", run.getPolicy())
                .put("started", run.getStarted().toString()).put("finished", run.getFinished().toString())
                .put("durationMillis", run.getFinished().toEpochMilli() - run.getStarted().toEpochMilli());
        ObjectNode summary = root.putObject("summary");
        summary.put("hosts", run.getHosts().size()).put("exitCode", run.exitCode());
        ObjectNode counts = summary.putObject("counts");
        for (Map.Entry<HostStatus, Integer> count : run.counts().entrySet()) {
            counts.put(count.getKey().name(), count.getValue());
        }
        ArrayNode hosts = root.putArray("hosts");
        for (HostResult host : run.getHosts()) {
            hosts.add(host(host));
        }
        ConnectivityReport.json(root, run.connectivity());
        ArrayNode rollout = root.putArray("rollout");
        run.getRolloutLog().forEach(rollout::add);
        ArrayNode warnings = root.putArray("warnings");
        run.getWarnings().forEach(warnings::add);
        return root;
    }

    private static ObjectNode host(HostResult result) {
        Target target = result.getTarget();
        ObjectNode host = JSON.createObjectNode();
        host.put("host", target.getHost());
        if (target.getPort() == null) {
            host.putNull("port");
        } else {
            host.put("port", target.getPort());
        }
        host.put("address", target.address()).put("name", target.getName()).put("role", target.getRole().label())
                .put("transport", result.getTransport()).put("channel", result.getChannel())
                .put("windowsVersion", result.getWindowsVersion()).put("windowsRelease", result.getWindowsRelease())
                .put("status", result.getStatus().name())
                .put("outcome", result.getStatus().outcome().name())
                .put("failure", result.getFailure() == null ? null : result.getFailure().name())
                .put("message", result.getMessage());
        list(host, "before", result.getBefore());
        list(host, "after", result.getAfter());
        list(host, "planned", result.getPlanned());
        list(host, "diff", result.diff().lines());
        ArrayNode findings = host.putArray("findings");
        for (Finding finding : result.getFindings()) {
            findings.addObject().put("severity", finding.getSeverity().name()).put("rule", finding.getRule())
                    .put("message", finding.getMessage());
        }
        ArrayNode checks = host.putArray("checks");
        for (Check check : result.getChecks()) {
            checks.addObject().put("rule", check.getRule()).put("result", check.getResult().name()).put("detail", check.getDetail());
        }
        host.put("backup", result.getBackupFile());
        ObjectNode timings = host.putObject("timingsMillis");
        for (Map.Entry<String, Long> phase : result.getPhaseMillis().entrySet()) {
            timings.put(phase.getKey(), phase.getValue());
        }
        return host;
    }

    private static void list(ObjectNode host, String field, List<String> values) {
        if (values == null) {
            host.putNull(field);
            return;
        }
        ArrayNode array = host.putArray(field);
        for (String value : values) {
            array.add(value);
        }
    }
}
