package io.jenkins.plugins.dcom.lab;

/** A restart request a lab host accepted: what {@code shutdown} was given. */
public final class RestartRecord {
    private final int delaySeconds;
    private final String comment;
    private final String reason;

    RestartRecord(int delaySeconds, String comment, String reason) {
        this.delaySeconds = delaySeconds;
        this.comment = comment;
        this.reason = reason;
    }

    public int getDelaySeconds() {
        return delaySeconds;
    }

    public String getComment() {
        return comment;
    }

    /** @return the {@code /d} argument, e.g. {@code p:2:4} */
    public String getReason() {
        return reason;
    }
}
