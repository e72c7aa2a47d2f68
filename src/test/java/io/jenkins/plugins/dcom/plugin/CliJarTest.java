package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.FilePath;
import hudson.remoting.Callable;
import hudson.remoting.Future;
import hudson.remoting.VirtualChannel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installing the command-line jar on a node never waits for another node. */
class CliJarTest {
    @TempDir
    Path dir;

    @Test
    void anAgentThatHangsHoldsUpOnlyTheBuildsOnThatAgent() throws Exception {
        byte[] content = new byte[256 * 1024];
        new Random(7).nextBytes(content);
        FilePath bundled = new FilePath(Files.write(dir.resolve("cli.jar"), content).toFile());
        HungChannel hung = new HungChannel();
        ExecutorService builds = Executors.newFixedThreadPool(2);
        try {
            builds.submit(() -> CliJar.installIn(new FilePath(hung, dir.resolve("hung-agent").toString()), bundled,
                    "agent-1"));
            assertThat(hung.entered.await(10, TimeUnit.SECONDS)).as("the hung agent's build is inside a remote call").isTrue();

            FilePath installed = builds.submit(() -> CliJar.installIn(new FilePath(dir.resolve("built-in").toFile()), bundled, ""))
                    .get(20, TimeUnit.SECONDS); // with one lock for every node, this waited for the hung agent for ever

            assertThat(Files.readAllBytes(Path.of(installed.getRemote()))).isEqualTo(content);
        } finally {
            hung.release.countDown();
            builds.shutdownNow();
        }
    }

    /** An agent whose every call hangs until the test lets it fail, as a channel to a frozen machine does. */
    private static final class HungChannel implements VirtualChannel {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public <V, T extends Throwable> V call(Callable<V, T> callable) throws IOException, InterruptedException {
            entered.countDown();
            release.await();
            throw new IOException("the agent's channel closed");
        }

        @Override
        public <V, T extends Throwable> Future<V> callAsync(Callable<V, T> callable) throws IOException {
            throw new IOException("not used");
        }

        @Override
        public void close() {
            release.countDown();
        }

        @Override
        public void join() {
        }

        @Override
        public void join(long timeout) {
        }

        @Override
        public <T> T export(Class<T> type, T instance) {
            return instance;
        }
    }
}
