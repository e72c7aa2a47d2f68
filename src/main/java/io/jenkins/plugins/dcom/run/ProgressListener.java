package io.jenkins.plugins.dcom.run;

/** Told about each host as it finishes, from the thread that finished it (calls are serialised). */
public interface ProgressListener {
    /**
     * @param result   the finished host
     * @param done     hosts finished so far, including this one
     * @param total    hosts in the run
     * @param ok       finished hosts with outcome OK
     * @param nonCompliant finished hosts with outcome NON_COMPLIANT
     * @param failed   finished hosts with outcome FAILED
     */
    void hostFinished(HostResult result, int done, int total, int ok, int nonCompliant, int failed);

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void hostFinished(HostResult result, int done, int total, int ok, int nonCompliant, int failed) {
            // nothing
        }
    };
}
