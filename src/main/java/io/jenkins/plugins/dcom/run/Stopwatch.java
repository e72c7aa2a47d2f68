package io.jenkins.plugins.dcom.run;

/** Milliseconds since it was started; monotonic. */
final class Stopwatch {
    private final long started = System.nanoTime();

    long millis() {
        return (System.nanoTime() - started) / 1_000_000L;
    }
}
