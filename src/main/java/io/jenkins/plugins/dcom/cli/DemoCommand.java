package io.jenkins.plugins.dcom.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.contract.ExitCodes;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.lab.DemoFleet;
import io.jenkins.plugins.dcom.lab.LabFleet;
import io.jenkins.plugins.dcom.run.RunResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * KB Q272937 end to end on a lab, through the same command line a user runs: audit (which consoles reach which site
 * servers), a dry run (which pairs the plan fixes), a remediation with restart in gated waves (site servers first, a
 * canary, then waves of two; it stops at the host that refuses writes), and a final audit. Exits as the final audit
 * does, and explains a non-zero code.
 */
final class DemoCommand extends Subcommand {
    private Path reportDir;
    private long downtime;

    DemoCommand(DcomComplianceCommand parent) {
        super(parent);
    }

    @Override
    String name() {
        return "demo";
    }

    @Override
    String description() {
        return "Start a lab modelled on KB Q272937 (NT 4.0 site servers with UDP first, Windows 2000 consoles, one host "
                + "down, one refusing writes), then audit, dry run, remediate with restart in waves, and audit again.";
    }

    @Override
    void declare(OptionTable table) {
        table.value("report-dir", "DIR", "work/demo-report", "Where the three runs' reports go")
                .value("downtime-ms", "MILLIS", "2000", "How long a restarted lab host stays away");
    }

    @Override
    void read(Arguments arguments) throws UsageException {
        reportDir = arguments.path("report-dir");
        downtime = arguments.number("downtime-ms");
    }

    @Override
    int call() throws UsageException {
        Bounds.check("--downtime-ms", downtime, 0, 600_000);
        Path labDir = reportDir.resolve("lab");
        try {
            LabCredentials credentials = LabCredentials.in(labDir);
            try (LabFleet fleet = LabFleet.start(DemoFleet.specs(downtime), credentials.password(), null, 0)) {
                Path inventory = fleet.writeInventory(labDir.resolve("inventory.txt"));
                parent.out.println("Demo lab: " + fleet.hosts().size() + " hosts as Windows Server ships WinRM (HTTP, "
                        + "Negotiate, every message encrypted), inventory " + inventory);
                List<String> common = Arrays.asList("--inventory", inventory.toString(), "--user", LabCredentials.USER,
                        "--password-file", credentials.file().toString());
                int first = step("1-audit", common, "audit");
                int dry = step("2-dry-run", common, "remediate", "--dry-run");
                int second = step("3-remediate", common, "remediate", "--restart", "--restart-delay", "1",
                        "--restart-wait-down", "30", "--restart-wait-up", "60", "--restart-poll", "250",
                        "--site-servers", "first", "--canary", "1", "--wave-size", "2");
                int last = step("4-audit", common, "audit");
                explain(first, dry, second, last);
                return last;
            }
        } catch (IOException e) {
            throw new UsageException("the demo lab cannot start: " + e.getMessage(), e);
        }
    }

    private int step(String name, List<String> common, String... command) {
        parent.out.println();
        parent.out.println("== " + name + " ==");
        List<String> args = new ArrayList<>(Arrays.asList(command));
        args.addAll(common);
        args.add("--report-dir");
        args.add(reportDir.resolve(name).toString());
        return DcomComplianceCommand.execute(args.toArray(new String[0]), parent.out, parent.err, parent.environment);
    }

    private void explain(int first, int dry, int second, int last) throws IOException {
        parent.out.println();
        parent.out.println("== Demo summary ==");
        parent.out.println("1. audit:     exit " + first + " (the NT 4.0 site servers put ncadg_ip_udp first: the Windows 2000 consoles cannot reach them)");
        parent.out.println("2. dry run:   exit " + dry + " (the plan moves ncacn_ip_tcp to the top, and the pairs connect once it is in effect)");
        parent.out.println("3. remediate: exit " + second + " (in waves, site servers first: a canary, then two at a time, each "
                + "restarted and audited again; the wave with the host that refuses writes closed the gate, so the hosts after it were not touched)");
        parent.out.println("4. audit:     exit " + last);
        JsonNode hosts = new ObjectMapper().readTree(reportDir.resolve("4-audit").resolve(ReportSet.JSON).toFile()).get("hosts");
        for (JsonNode host : hosts) {
            if (!"OK".equals(host.get("outcome").asText())) {
                parent.out.println("   " + host.get("name").asText() + ": " + host.get("status").asText() + " - " + host.get("message").asText());
            }
        }
        if (last != ExitCodes.OK) {
            parent.out.println("The lab keeps SMS-ADMIN-03 down and makes SMS-SITE-03 refuse writes on purpose, so the final exit code "
                    + "is " + last + ": exactly what a real fleet with such hosts reports. Every other host now complies, and every console "
                    + "that answers reaches SMS-SITE-01 and SMS-SITE-02 on ncacn_ip_tcp.");
        }
        parent.out.println("Reports: " + reportDir.toAbsolutePath().resolve("4-audit").resolve(ReportSet.HTML));
    }
}
