package io.jenkins.plugins.dcom.plugin;

import io.jenkins.plugins.dcom.contract.BuildSummary;
import io.jenkins.plugins.dcom.text.InputFiles;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the command line's {@link BuildSummary} into what the build page shows, with the JDK alone: the server
 * needs no JSON library for it. The file comes from an untrusted workspace: it is read bounded, and every value
 * is shown as {@code UntrustedText} shows it.
 */
final class ReportReader {
    private ReportReader() {
    }

    /** @return the summary, read bounded */
    static BuildSummary.Summary read(File summary) throws IOException {
        byte[] bytes = InputFiles.read(summary.toPath(), BuildSummary.MAX_BYTES);
        return BuildSummary.read(new ByteArrayInputStream(bytes));
    }

    /** @return a row per host for the build page */
    static List<HostRow> hosts(BuildSummary.Summary summary) {
        List<HostRow> rows = new ArrayList<HostRow>();
        for (BuildSummary.Host host : summary.hosts()) {
            rows.add(new HostRow(host.get("address"), host.get("name"), host.get("role"), host.get("transport"),
                    host.get("status"), host.get("outcome"), host.get("message"), HostRow.join(host.list("before")),
                    HostRow.join(host.list("after")), HostRow.join(host.list("diff"))));
        }
        return rows;
    }
}
