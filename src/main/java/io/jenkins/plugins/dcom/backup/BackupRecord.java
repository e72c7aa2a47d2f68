package io.jenkins.plugins.dcom.backup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The value a host held before a run changed it, and what the run wrote, so that rollback can tell whether
 * anyone changed it since. One record per host and run; it holds no credential.
 */
public final class BackupRecord {
    /** Version of this JSON layout. */
    public static final int SCHEMA = 1;

    private final int schema;
    private final String runId;
    private final String host;
    private final Integer port;
    private final String transport;
    private final String savedAt;
    private final List<String> before;
    private final List<String> written;

    @JsonCreator
    public BackupRecord(@JsonProperty("schema") int schema, @JsonProperty("runId") String runId,
            @JsonProperty("host") String host, @JsonProperty("port") Integer port,
            @JsonProperty("transport") String transport, @JsonProperty("savedAt") String savedAt,
            @JsonProperty("before") List<String> before, @JsonProperty("written") List<String> written) {
        this.schema = schema;
        this.runId = runId;
        this.host = host;
        this.port = port;
        this.transport = transport;
        this.savedAt = savedAt;
        this.before = Collections.unmodifiableList(new ArrayList<>(before));
        this.written = Collections.unmodifiableList(new ArrayList<>(written));
    }

    public int getSchema() {
        return schema;
    }

    public String getRunId() {
        return runId;
    }

    public String getHost() {
        return host;
    }

    public Integer getPort() {
        return port;
    }

    public String getTransport() {
        return transport;
    }

    public String getSavedAt() {
        return savedAt;
    }

    /** @return the value before the run: what rollback writes back */
    public List<String> getBefore() {
        return before;
    }

    /** @return the value the run wrote: what rollback expects to find */
    public List<String> getWritten() {
        return written;
    }
}
