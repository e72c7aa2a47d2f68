package io.jenkins.plugins.dcom.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.dcom.contract.ReportSet;
import io.jenkins.plugins.dcom.inventory.Inventory;
import io.jenkins.plugins.dcom.inventory.InventoryParser;
import io.jenkins.plugins.dcom.policy.Presets;
import io.jenkins.plugins.dcom.run.HostResult;
import io.jenkins.plugins.dcom.run.HostStatus;
import io.jenkins.plugins.dcom.run.Mode;
import io.jenkins.plugins.dcom.run.RunResult;
import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.FailureKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nastiest text a host can send, through every report writer: each output stays well-formed for its format,
 * shows no raw control character, runs no script, and report.json keeps the exact text.
 */
class OutputEscapingTest {
    /** NUL, ESC sequences, BEL, DEL, C1, a bidi override, a lone surrogate, U+FFFF, markup and a look-alike letter. */
    static final List<String> NASTY = Arrays.asList("ncacn_ip_t\u0163p", "a\u0000b", "\u001B[2J\u001B]0;owned\u0007",
            "del\u007F c1\u0085 bidi\u202Eevil", "lone\uD800surrogate\uFFFF", "</code></td><script>alert(1)</script>",
            "x\" onmouseover=\"alert(1)", "]]><!--", "back\\0slash", "line\nbreak\rcarriage");

    private static RunResult run() throws Exception {
        Inventory inventory = new InventoryParser().parse("site01 name=SITE\nsite02\n", "inv");
        List<String> planned = Arrays.asList("ncacn_ip_tcp");
        HostResult audited = new HostResult.Builder(inventory.getTargets().get(0), "rrp").before(NASTY)
                .findings(Presets.get("kb272937").evaluate(NASTY).getFindings())
                .status(HostStatus.NON_COMPLIANT, "does not comply: " + UntrustedText.list(NASTY)).build();
        HostResult failed = new HostResult.Builder(inventory.getTargets().get(1), "winrm").before(NASTY).planned(planned)
                .after(new ArrayList<>(NASTY))
                .failed(HostStatus.ERROR, FailureKind.PROTOCOL_ERROR, "Windows answered: " + String.join(" ", NASTY)).build();
        return RunResult.builder("r1", Mode.REMEDIATE).policy("kb272937")
                .times(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:00:05Z"))
                .hosts(Arrays.asList(audited, failed)).build();
    }

    private static void assertNoRawControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\n' || c == '\r' || c == '\t';
            assertThat(Character.isISOControl(c) && !allowed || Character.getType(c) == Character.FORMAT
                    || Character.isSurrogate(c) || c == '\uFFFF')
                    .as("raw U+%04X at %d in ...%s...", (int) c, i, text.substring(Math.max(0, i - 40), Math.min(text.length(), i + 10)))
                    .isFalse();
        }
    }

    @Test
    void junitXmlStaysWellFormedXml10WithEveryHostileCharacterShownAsAnEscape(@TempDir Path dir) throws Exception {
        ReportWriter.write(run(), dir);
        String junit = new String(Files.readAllBytes(dir.resolve(ReportSet.JUNIT)), StandardCharsets.UTF_8);

        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve(ReportSet.JUNIT).toFile());
        assertNoRawControlCharacters(junit);
        assertThat(junit).contains("ncacn_ip_t\\u0163p").contains("\\u001B[2J");
    }

    @Test
    void htmlEscapesMarkupAndShowsControlCharactersAsEscapes(@TempDir Path dir) throws Exception {
        ReportWriter.write(run(), dir);
        String html = new String(Files.readAllBytes(dir.resolve(ReportSet.HTML)), StandardCharsets.UTF_8);

        assertNoRawControlCharacters(html);
        assertThat(html).doesNotContain("<script").doesNotContain("\" onmouseover").contains("ncacn_ip_t\\u0163p");
    }

    @Test
    void jsonKeepsTheExactTextAsValidJson(@TempDir Path dir) throws Exception {
        ReportWriter.write(run(), dir);
        byte[] bytes = Files.readAllBytes(dir.resolve(ReportSet.JSON));

        for (byte b : bytes) {
            assertThat(b & 0xFF).as("report.json is pure ASCII").isLessThan(0x80);
        }
        JsonNode before = new ObjectMapper().readTree(bytes).get("hosts").get(0).get("before");
        for (int i = 0; i < NASTY.size(); i++) {
            assertThat(before.get(i).asText()).isEqualTo(NASTY.get(i));
        }
    }

    @Test
    void aLineOfUntrustedTextKeepsLettersOfAnyScriptAndEscapesTheRest() {
        assertThat(UntrustedText.line("FEHLER: Zugriff verweigert \u62d2\u7edd\u8bbf\u95ee \uD83D\uDE00"))
                .isEqualTo("FEHLER: Zugriff verweigert \u62d2\u7edd\u8bbf\u95ee \uD83D\uDE00");
        assertThat(UntrustedText.line("a\u001B[2Jb\u202E\uD800")).isEqualTo("a\\u001B[2Jb\\u202E\\uD800");
        assertThat(UntrustedText.entry("ncacn_ip_t\u0163p\\0")).isEqualTo("ncacn_ip_t\\u0163p\\\\0");
    }
}
