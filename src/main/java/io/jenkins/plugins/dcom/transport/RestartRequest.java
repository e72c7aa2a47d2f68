package io.jenkins.plugins.dcom.transport;

import java.util.regex.Pattern;

/**
 * A planned restart: delay, comment, and the shutdown reason "Operating System: Reconfiguration (Planned)"
 * ({@code /d p:2:4}, SHTDN_REASON_FLAG_PLANNED | MAJOR_OPERATINGSYSTEM | MINOR_RECONFIG).
 */
public final class RestartRequest {
    /** {@code shutdown /c} takes at most 512 characters. */
    public static final int MAX_COMMENT = 512;
    /** The reason code sent over RPC: planned, major 2 (operating system), minor 4 (reconfiguration). */
    public static final int REASON_PLANNED_OS_RECONFIG = 0x80000000 | 0x00020000 | 0x00000004;
    /** Longest delay {@code shutdown /t} accepts (10 years in seconds, as documented). */
    public static final int MAX_DELAY_SECONDS = 315_360_000;

    /** Printable text that cmd.exe passes through a quoted argument unchanged. */
    private static final Pattern SAFE_COMMENT = Pattern.compile("^[A-Za-z0-9 .,:;()/_+=@'!?-]*$");

    private final int delaySeconds;
    private final String comment;

    /**
     * @param delaySeconds seconds before the restart, 0 to 315360000
     * @param comment      shown to logged-on users and recorded in the event log; see {@link #validateComment}
     */
    public RestartRequest(int delaySeconds, String comment) {
        if (delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS) {
            throw new IllegalArgumentException("restart delay " + delaySeconds + " is out of range; use 0-" + MAX_DELAY_SECONDS + " seconds");
        }
        String problem = validateComment(comment);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.delaySeconds = delaySeconds;
        this.comment = comment;
    }

    /**
     * Checks a restart comment before it can reach a remote command line.
     *
     * @return {@code null} when valid, else what is wrong and how to fix it
     */
    public static String validateComment(String comment) {
        if (comment == null || comment.trim().isEmpty()) {
            return "the restart comment is empty; say why the server restarts (it goes to the event log)";
        }
        if (comment.length() > MAX_COMMENT) {
            return "the restart comment has " + comment.length() + " characters; shutdown accepts at most " + MAX_COMMENT;
        }
        if (!SAFE_COMMENT.matcher(comment).matches()) {
            return "the restart comment may hold letters, digits, spaces and . , : ; ( ) / _ + = @ ' ! ? - only "
                    + "(quotes, %, ^, &, | and < > would change the remote command)";
        }
        return null;
    }

    public int getDelaySeconds() {
        return delaySeconds;
    }

    public String getComment() {
        return comment;
    }

    public int getReasonCode() {
        return REASON_PLANNED_OS_RECONFIG;
    }
}
