package io.jenkins.plugins.dcom.lab;

/** What a command printed and its exit code, with Windows line endings. */
final class CommandOutput {
    final String stdout;
    final String stderr;
    final int exitCode;

    CommandOutput(String stdout, String stderr, int exitCode) {
        this.stdout = stdout;
        this.stderr = stderr;
        this.exitCode = exitCode;
    }

    static CommandOutput ok(String stdout) {
        return new CommandOutput(stdout, "", 0);
    }

    static CommandOutput error(String stderr, int exitCode) {
        return new CommandOutput("", stderr, exitCode);
    }

    CommandOutput then(CommandOutput next) {
        return new CommandOutput(stdout + next.stdout, stderr + next.stderr, next.exitCode);
    }
}
