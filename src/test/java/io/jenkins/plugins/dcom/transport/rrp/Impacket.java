package io.jenkins.plugins.dcom.transport.rrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.jenkins.plugins.dcom.transport.RegistryValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's impacket, an [MS-RRP] client independent of the tool, reading and writing a Samba host's
 * {@code DCOM Protocols} byte for byte ({@code src/test/resources/impacket/registry_value.py}).
 */
final class Impacket {
    static final Path REG_PY = Paths.get("/usr/share/doc/python3-impacket/examples/reg.py");
    private static final String PYTHON = "/usr/bin/python3";

    private Impacket() {
    }

    /** Skips (or, on CI, fails) a test class when impacket is not installed. */
    static void require() {
        if (!Files.exists(REG_PY)) {
            String why = "the cross-check needs Debian's python3-impacket (.ci/run installs it)";
            if (System.getenv("CI") != null) {
                fail(why);
            }
            Assumptions.abort(why);
        }
    }

    /** Writes the value's bytes and type as given. */
    static void set(SambaHost host, RegistryValue value) throws Exception {
        StringBuilder hex = new StringBuilder();
        for (byte b : value.getData()) {
            hex.append(String.format(Locale.ROOT, "%02x", b & 0xFF));
        }
        script(host, hex.toString(), "set", String.valueOf(value.getType()));
    }

    /** @return the value's type and bytes as the host holds them */
    static RegistryValue get(SambaHost host) throws Exception {
        String[] answer = script(host, null, "get").trim().split(" ", -1);
        String hex = answer.length > 1 ? answer[1] : "";
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return new RegistryValue(Integer.parseInt(answer[0]), bytes, true);
    }

    private static String script(SambaHost host, String input, String... args) throws Exception {
        Path script = Files.createTempFile("registry_value", ".py");
        try (InputStream in = Impacket.class.getResourceAsStream("/impacket/registry_value.py")) {
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            List<String> command = new ArrayList<>(Arrays.asList(script.toString(), host.address(), "LAB", SambaHost.ADMIN));
            command.addAll(Arrays.asList(args));
            return run(input, host.shape().port(), command.toArray(new String[0]));
        } finally {
            Files.delete(script);
        }
    }

    /** @return CurrentVersion under HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion, as impacket's reg.py reads it */
    static String windowsVersion(SambaHost host) throws Exception {
        boolean netbios = host.shape().port() == 139; // reg.py then needs the called name, as NT 4.0 does
        List<String> command = new ArrayList<>(Arrays.asList(REG_PY.toString(), "LAB/" + SambaHost.ADMIN + ":" + SambaFleet.PASSWORD
                + "@" + (netbios ? "*SMBSERVER" : host.address())));
        if (netbios) {
            command.addAll(Arrays.asList("-port", "139", "-target-ip", host.address()));
        }
        command.addAll(Arrays.asList("query", "-keyName", "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "-v", "CurrentVersion"));
        String output = run(null, host.shape().port(), command.toArray(new String[0]));
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("CurrentVersion\\s+REG_SZ\\s+(\\S+)").matcher(output);
        if (!value.find()) {
            throw new AssertionError("reg.py printed no CurrentVersion: " + output);
        }
        return value.group(1).replace("\u0000", ""); // reg.py prints the REG_SZ with its terminating NUL
    }

    /** What impacket prints when it opens the winreg pipe as {@code user}: "opened", or "refused 0x..." with the NT status. */
    private static final String OPEN_WINREG = String.join("\n",
            "import os, sys",
            "from impacket.smbconnection import SMBConnection, SessionError",
            "from impacket.dcerpc.v5 import transport",
            "host, user, port = sys.argv[1], sys.argv[2], int(os.environ['DCOM_TEST_PORT'])",
            "smb = SMBConnection('*SMBSERVER' if port == 139 else host, host, sess_port=port)",
            "smb.login(user, os.environ['DCOM_TEST_PASSWORD'], 'LAB')",
            "try:",
            "    transport.SMBTransport(host, filename=r'\\winreg', smb_connection=smb).get_dce_rpc().connect()",
            "    print('opened')",
            "except SessionError as e:",
            "    print('refused 0x%08X' % (e.getErrorCode() & 0xFFFFFFFF))");

    /** @return "opened", or "refused 0x........" with the NT status the host answered impacket's pipe open with */
    static String openWinreg(SambaHost host, String user) throws IOException, InterruptedException {
        return run(null, host.shape().port(), "-c", OPEN_WINREG, host.address(), user).trim();
    }

    /** Runs a Python script with the system interpreter, the test password in DCOM_TEST_PASSWORD; asserts exit 0. */
    static String python(String... args) throws IOException, InterruptedException {
        return run(null, 445, args);
    }

    private static String run(String input, int port, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(PYTHON));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DCOM_TEST_PASSWORD", SambaFleet.PASSWORD);
        builder.environment().put("DCOM_TEST_PORT", String.valueOf(port));
        Process process = builder.start();
        try (java.io.OutputStream stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.US_ASCII));
            }
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[4096];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                output.write(buffer, 0, n);
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(output.toByteArray(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
