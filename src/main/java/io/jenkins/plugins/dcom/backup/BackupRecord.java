package io.jenkins.plugins.dcom.backup;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The value a host held before a run changed it, and what the run wrote, so that rollback can tell whether
 * anyone changed it since. One record per host and run; it holds no credential.
 *
 * <p>Schema 2 keeps the value as read ({@link #getBeforeValue()}: type and bytes), so that rollback restores it
 * exactly, whatever its shape; {@link #getBefore()} is its decoding, for people and for schema-1 records. Schema 3 adds
 * the host's boot marker as it was when the value was written ({@link #getBootMarker()}), so that any later audit can
 * tell that the server has not restarted since and its DCOM still runs with the old order.
 *
 * <p>A record read from disk may be damaged or forged: {@link RecordFiles#read} checks every field this class
 * promises before anyone uses it; a record built in memory is whole by construction.
 */
public final class BackupRecord {
    /** Version of this JSON layout. */
    public static final int SCHEMA = 3;
    /** The oldest layout this version still reads. */
    public static final int OLDEST_SCHEMA = 1;

    private final int schema;
    private final String runId;
    private final String host;
    private final Integer port;
    private final String transport;
    private final String savedAt;
    private final List<String> before;
    private final List<String> written;
    private final SavedValue beforeValue;
    private final String bootMarker;

    @JsonCreator
    public BackupRecord(@JsonProperty("schema") int schema, @JsonProperty("runId") String runId,
            @JsonProperty("host") String host, @JsonProperty("port") Integer port,
            @JsonProperty("transport") String transport, @JsonProperty("savedAt") String savedAt,
            @JsonProperty("before") List<String> before, @JsonProperty("written") List<String> written,
            @JsonProperty("beforeValue") SavedValue beforeValue, @JsonProperty("bootMarker") String bootMarker) {
        this.schema = schema;
        this.runId = runId;
        this.host = host;
        this.port = port;
        this.transport = transport;
        this.savedAt = savedAt;
        this.before = before == null ? null : Collections.unmodifiableList(new ArrayList<>(before));
        this.written = written == null ? null : Collections.unmodifiableList(new ArrayList<>(written));
        this.beforeValue = beforeValue;
        this.bootMarker = bootMarker;
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

    /** @return the value before the run as read, type and bytes; {@code null} in schema-1 records */
    public SavedValue getBeforeValue() {
        return beforeValue;
    }

    /** @return the value before the run, decoded: what rollback writes back when no {@link #getBeforeValue()} */
    public List<String> getBefore() {
        return before;
    }

    /** @return the value the run wrote: what rollback expects to find */
    public List<String> getWritten() {
        return written;
    }

    /**
     * @return the host's boot marker (a value only a restart changes) read just before the write, over the record's
     *         transport; {@code null} in older records, or where the host could not say
     */
    public String getBootMarker() {
        return bootMarker;
    }
}
