package io.jenkins.plugins.dcom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A restart request is judged by the Win32 code the host answered (shutdown.exe's exit code, the RPC call's
 * WERROR), the same for both transports, never by its localized text.
 */
class ShutdownAnswersTest {
    @ParameterizedTest(name = "Windows error {0} means {1}")
    @CsvSource({
        "0, RESTARTING",
        "1115, RESTARTING",
        "5, ACCESS_DENIED",
        "1190, RESTART_ALREADY_SCHEDULED",
        "1271, RESTART_REFUSED",
        "21, RESTART_REFUSED",
        "87, RESTART_REFUSED",
        "1, RESTART_REFUSED"})
    void eachAnswerHasOneMeaning(int code, String meaning) {
        if ("RESTARTING".equals(meaning)) {
            assertThat(ShutdownAnswers.isRestarting(code)).isTrue();
            return;
        }
        assertThat(ShutdownAnswers.isRestarting(code)).isFalse();
        TransportException refusal = ShutdownAnswers.refusal("host01", code);
        assertThat(refusal.getKind()).isEqualTo(FailureKind.valueOf(meaning));
        assertThat(refusal.getMessage()).contains("host01").contains("error " + code);
    }
}
