package io.jenkins.plugins.dcom.contract;

import java.util.regex.Pattern;

/**
 * What a restart may be asked with, checked the same way by the build step's form, the command line and the
 * transports before the comment can reach a remote command line ({@code shutdown /c}) or an RPC call.
 */
public final class RestartRules {
    /** {@code shutdown /c} takes at most 512 characters. */
    public static final int MAX_COMMENT = 512;
    /** Longest delay {@code shutdown /t} accepts (10 years in seconds, as documented). */
    public static final int MAX_DELAY_SECONDS = 315_360_000;

    /** Printable text that cmd.exe passes through a quoted argument unchanged. */
    private static final Pattern SAFE_COMMENT = Pattern.compile("^[A-Za-z0-9 .,:;()/_+=@'!?-]*$");

    private RestartRules() {
    }

    /** @return {@code null} when the delay is one {@code shutdown /t} takes, else what is wrong and the range */
    public static String delayProblem(int delaySeconds) {
        return delaySeconds < 0 || delaySeconds > MAX_DELAY_SECONDS
                ? "restart delay " + delaySeconds + " is out of range; use 0-" + MAX_DELAY_SECONDS + " seconds" : null;
    }

    /** @return {@code null} when the comment is valid, else what is wrong and how to fix it */
    public static String commentProblem(String comment) {
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
}
