package io.jenkins.plugins.dcom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.dcom.contract.Defaults;

import org.junit.jupiter.api.Test;

/**
 * How the command line reads its words, before any file or host: each mistake is one usage error (exit 1) that names
 * the option and what to do, and the help lists what a user may give.
 */
class OptionParsingTest {
    private final CliRunner cli = new CliRunner();

    @Test
    void anUnknownOptionIsNamed() {
        assertThat(cli.run("audit", "--inventory", "x", "--password", "secret")).isEqualTo(1);
        assertThat(cli.output()).contains("unknown option '--password'").contains("Try 'dcom-compliance audit --help'")
                .doesNotContain("secret");
    }

    @Test
    void anOptionIsNeverGuessedFromItsBeginning() {
        assertThat(cli.run("audit", "--inv", "hosts.txt", "--user", "u", "--password-env", "LAB_PASSWORD")).isEqualTo(1);
        assertThat(cli.output()).contains("unknown option '--inv'");
    }

    @Test
    void anOptionGivenTwiceIsRefusedRatherThanOneOfItsValuesChosen() {
        assertThat(cli.run("audit", "--inventory", "a.txt", "--user", "u1", "--user", "u2")).isEqualTo(1);
        assertThat(cli.output()).contains("--user is given more than once");
    }

    @Test
    void anOptionWithoutItsValueSaysWhatTheValueLooksLike() {
        assertThat(cli.run("audit", "--inventory", "a.txt", "--concurrency")).isEqualTo(1);
        assertThat(cli.output()).contains("--concurrency needs a value: N");
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        assertThat(cli.run("audit", "--user", "u")).isEqualTo(1);
        assertThat(cli.output()).contains("missing required option --inventory");
    }

    @Test
    void aNumberThatIsNoNumberIsNamedWithItsValue() {
        assertThat(cli.run("audit", "--inventory", "a.txt", "--timeout", "ten")).isEqualTo(1);
        assertThat(cli.output()).contains("--timeout 'ten' is not a whole number");
    }

    @Test
    void aWordLeftOverIsRefused() {
        assertThat(cli.run("audit", "--inventory", "a.txt", "hosts.txt")).isEqualTo(1);
        assertThat(cli.output()).contains("unexpected argument 'hosts.txt'");
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        assertThat(cli.run("audti")).isEqualTo(1);
        assertThat(cli.output()).contains("unknown command 'audti'").contains("audit, remediate, rollback, lab, demo");
    }

    @Test
    void valuesMayFollowAnEqualsSign() {
        assertThat(cli.run("audit", "--inventory=/nonexistent/hosts.txt", "--user=u", "--password-env=LAB_PASSWORD")).isEqualTo(1);
        assertThat(cli.output()).contains("/nonexistent/hosts.txt").doesNotContain("unknown option");
    }

    @Test
    void theHelpListsEveryOptionWithItsDefaultButNotTheHiddenOnes() {
        assertThat(cli.run("remediate", "--help")).isZero();
        assertThat(cli.output()).contains("Usage: dcom-compliance remediate [OPTIONS]").contains("--inventory <FILE>")
                .contains("--restart-delay <SECONDS>").contains("(default: " + Defaults.CONCURRENCY + ")").contains("--dry-run")
                .doesNotContain("--restart-poll");
    }

    @Test
    void theRootHelpListsTheCommandsAndTheExitCodes() {
        assertThat(cli.run("--help")).isZero();
        assertThat(cli.output()).contains("Usage: dcom-compliance").contains("audit").contains("rollback").contains("Exit codes:")
                .contains("some host unreachable or failed");
    }

    @Test
    void noWordsPrintTheHelpAndExitOne() {
        assertThat(cli.run()).isEqualTo(1);
        assertThat(cli.output()).contains("Commands:");
    }

    @Test
    void theVersionIsPrintedByTheRootAndEveryCommand() {
        assertThat(cli.run("--version")).isZero();
        assertThat(cli.run("audit", "-V")).isZero();
        assertThat(cli.output().split("dcom-protocol-compliance", -1)).hasSize(3);
    }
}
