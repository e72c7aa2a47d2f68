package io.jenkins.plugins.dcom.run;

import io.jenkins.plugins.dcom.transport.RestartRequest;

/**
 * Whether and how a run restarts the hosts it changed, and how long it waits for each phase. Every wait is
 * bounded: the host must go away within the delay plus {@code downTimeoutSeconds}, and answer again within
 * {@code upTimeoutSeconds}.
 */
public final class RestartPolicy {
    private final RestartRequest request;
    private final int downTimeoutSeconds;
    private final int upTimeoutSeconds;
    private final long pollMillis;

    private RestartPolicy(RestartRequest request, int downTimeoutSeconds, int upTimeoutSeconds, long pollMillis) {
        this.request = request;
        this.downTimeoutSeconds = downTimeoutSeconds;
        this.upTimeoutSeconds = upTimeoutSeconds;
        this.pollMillis = pollMillis;
    }

    /** No restart: changed hosts end as {@link HostStatus#RESTART_PENDING}. */
    public static RestartPolicy never() {
        return new RestartPolicy(null, 0, 0, 0);
    }

    /**
     * @param request            delay and comment sent to the host
     * @param downTimeoutSeconds how long after the delay the host may take to go away
     * @param upTimeoutSeconds   how long it may take to answer again once gone
     * @param pollMillis         time between probes
     */
    public static RestartPolicy after(RestartRequest request, int downTimeoutSeconds, int upTimeoutSeconds, long pollMillis) {
        if (downTimeoutSeconds <= 0 || upTimeoutSeconds <= 0 || pollMillis <= 0) {
            throw new IllegalArgumentException("restart wait limits must be positive");
        }
        return new RestartPolicy(request, downTimeoutSeconds, upTimeoutSeconds, pollMillis);
    }

    public boolean isEnabled() {
        return request != null;
    }

    public RestartRequest getRequest() {
        return request;
    }

    public int getDownTimeoutSeconds() {
        return downTimeoutSeconds;
    }

    public int getUpTimeoutSeconds() {
        return upTimeoutSeconds;
    }

    public long getPollMillis() {
        return pollMillis;
    }
}
