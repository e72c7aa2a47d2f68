package io.jenkins.plugins.dcom.run;

/**
 * Takes each host's whole result as the host finishes, so that a run need not hold every host's result until its end:
 * the reports are written from what the sink kept ({@code report.ReportSpool}), and the run keeps a {@link RunTally}.
 * Calls are serialised, in the order hosts finish. A sink never throws: one that cannot keep a result (a full disk)
 * remembers that and says so when its reports are asked for, and the run goes on.
 */
@FunctionalInterface
public interface ResultSink {
    void accept(HostResult result);
}
