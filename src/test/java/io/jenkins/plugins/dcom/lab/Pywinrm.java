package io.jenkins.plugins.dcom.lab;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Skips (or, on CI, fails) when Debian's requests-kerberos and python3-gssapi are not installed. */
    public static void requireKerberos() {
        require();
        if (!Files.exists(Paths.get("/usr/lib/python3/dist-packages/requests_kerberos"))
                || !Files.exists(Paths.get("/usr/lib/python3/dist-packages/gssapi")) || !Files.exists(Paths.get("/usr/bin/kinit"))) {
            String why = "the Kerberos cross-check needs Debian's python3-requests-kerberos, python3-gssapi and krb5-user "
                    + "(.ci/run installs them)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
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
        Map<String, String> environment = new HashMap<>();
        environment.put("WINRM_USER", host.spec().getUser());
        environment.put("WINRM_PASSWORD", password);
        environment.put("OPENSSL_CONF", OPENSSL_LEGACY.toAbsolutePath().toString());
        return judge(host, transport, encryption, codePage, environment, command);
    }

    /**
     * pywinrm's Kerberos transport (requests-kerberos on MIT, see mit_kerberos.py) after a real {@code kinit} into a
     * credential cache of its own, as an admin on a Linux box does.
     *
     * @param encryption {@code always} or {@code never}
     * @return as {@link #run}
     */
    public static JsonNode runKerberos(LabHost host, Kdc kdc, String password, String encryption, String codePage,
            String... command) throws IOException, InterruptedException {
        Path cache = Files.createTempFile("dcom-krb5cc", "");
        try {
            Map<String, String> environment = new HashMap<>();
            kdc.configure(environment);
            environment.put("KRB5CCNAME", "FILE:" + cache);
            ProcessBuilder kinit = new ProcessBuilder("/usr/bin/kinit", host.spec().getUser() + "@" + Kdc.REALM).redirectErrorStream(true);
            kinit.environment().putAll(environment);
            Process process = kinit.start();
            try (OutputStream in = process.getOutputStream()) {
                in.write((password + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String said = read(process.getInputStream());
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("kinit failed: " + said);
            }
            environment.put("WINRM_USER", host.spec().getUser() + "@" + Kdc.REALM);
            environment.put("WINRM_PASSWORD", "unused: the ticket is in the cache");
            return judge(host, "kerberos", encryption, codePage, environment, command);
        } finally {
            Files.deleteIfExists(cache);
        }
    }

    private static JsonNode judge(LabHost host, String transport, String encryption, String codePage,
            Map<String, String> environment, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(Arrays.asList("/usr/bin/python3", SCRIPT.toString(),
                "http://" + host.address() + ":" + host.port() + "/wsman", transport, encryption, codePage));
        line.addAll(Arrays.asList(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().putAll(environment);
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
