package io.jenkins.plugins.dcom.lab;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's pywinrm 0.3 with requests-ntlm, run as a child process: the independent WinRM client that judges lab
 * hosts (src/test/resources/pywinrm/run_command.py). The password reaches it through its environment only.
 */
public final class Pywinrm {
    private static final Path SCRIPT = Paths.get("src/test/resources/pywinrm/run_command.py");
    /** MD4 for ntlm-auth under OpenSSL 3; see the file. */
    private static final Path OPENSSL_LEGACY = Paths.get("src/test/resources/pywinrm/openssl-legacy.cnf");

    private Pywinrm() {
    }

    /** Skips (or, on CI, fails) when Debian's pywinrm is not installed. */
    public static void require() {
        if (!Files.exists(Paths.get("/usr/lib/python3/dist-packages/winrm/protocol.py"))
                || !Files.exists(Paths.get("/usr/lib/python3/dist-packages/requests_ntlm"))) {
            String why = "the cross-check needs Debian's python3-winrm and python3-requests-ntlm (.ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /**
     * @param transport  {@code ntlm} or {@code basic}
     * @param encryption {@code always}, {@code never} or {@code auto}
     * @param codePage   the shell's code page, e.g. {@code 65001}
     * @return {@code {"exit", "stdout", "stderr"}} (streams in hex) or {@code {"error", "status"}}
     */
    public static JsonNode run(LabHost host, String password, String transport, String encryption, String codePage,
            String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(Arrays.asList("/usr/bin/python3", SCRIPT.toString(),
                "http://" + host.address() + ":" + host.port() + "/wsman", transport, encryption, codePage));
        line.addAll(Arrays.asList(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("WINRM_USER", host.spec().getUser());
        builder.environment().put("WINRM_PASSWORD", password);
        builder.environment().put("OPENSSL_CONF", OPENSSL_LEGACY.toAbsolutePath().toString());
        Process process = builder.start();
        String output = read(process.getInputStream());
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("pywinrm did not finish: " + output);
        }
        String last = output.trim().substring(output.trim().lastIndexOf('\n') + 1);
        if (!last.startsWith("{")) {
            fail("pywinrm failed: " + output);
        }
        return new ObjectMapper().readTree(last);
    }

    /** @return a stream of {@link #run}'s answer decoded with {@code charset} */
    public static String text(JsonNode answer, String stream, Charset charset) {
        String hex = answer.path(stream).asText();
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new String(bytes, charset);
    }

    private static String read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            bytes.write(buffer, 0, n);
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }
}
