package io.jenkins.plugins.dcom.cli;

import io.jenkins.plugins.dcom.transport.winrm.LabFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;

/** Runs the command line in the test's process as scripts run it, with the lab's password in LAB_PASSWORD. */
final class CliRunner {
    static final Map<String, String> ENV = Collections.singletonMap("LAB_PASSWORD", LabFixture.PASSWORD);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** @return the exit code; what it printed (out and err together) stays for {@link #output()} */
    int run(String... args) {
        PrintStream print = new PrintStream(out, true);
        return DcomComplianceCommand.execute(args, print, print, ENV);
    }

    /** @return everything printed so far */
    String output() {
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }
}
