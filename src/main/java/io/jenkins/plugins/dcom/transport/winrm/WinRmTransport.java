package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.text.UntrustedText;
import io.jenkins.plugins.dcom.transport.AuditReads;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.ProtocolValues;
import io.jenkins.plugins.dcom.transport.RegistryTransport;
import io.jenkins.plugins.dcom.transport.RegistryValue;
import io.jenkins.plugins.dcom.transport.RestartRequest;
import io.jenkins.plugins.dcom.transport.ShutdownAnswers;
import io.jenkins.plugins.dcom.transport.TransportException;
import io.jenkins.plugins.dcom.transport.ValueRead;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One WinRM session with one host: one kept connection, one logon and one remote shell, opened at the first operation
 * and reused by the next ones; each operation is one command in that shell.
 */
final class WinRmTransport implements RegistryTransport {
    private static final Pattern SAFE_KEY = Pattern.compile("^[A-Za-z0-9 \\\\]{1,200}$");
    private static final Pattern SAFE_NAME = Pattern.compile("^[A-Za-z0-9]{1,100}$");
    private static final Pattern TICKS = Pattern.compile("[0-9]{1,20}");
    private final String host;
    private final WsmanShell shell;

    WinRmTransport(String host, WsmanShell shell) {
        this.host = host;
        this.shell = shell;
    }

    /**
     * {@code reg.exe} exits 1 for every failure and says why only in localized text, so a failed read is told
     * apart by asking again, language-neutrally: if the key itself can be listed, the value is what is missing.
     */
    @Override
    public RegistryValue read() throws TransportException {
        WsmanShell.Result output = run(RegCommands.query());
        if (output.exit == 0) {
            return RegQueryOutput.value(host, output.stdout);
        }
        boolean keyReadable = run(RegCommands.queryKey(ProtocolValues.SUBKEY)).exit == 0;
        throw new TransportException(FailureKind.VALUE_MISSING, host, (keyReadable ? ProtocolValues.VALUE
                + " does not exist under " + ProtocolValues.KEY : "the key " + ProtocolValues.KEY
                + " does not exist, or this account cannot read it") + " (" + failure(output) + ")");
    }

    /**
     * Writes and reads back in one command. When it fails, a read tells, language-neutrally, whether the write was
     * refused (the value is unchanged: access denied, the one reason {@code reg add} fails on an existing key) or
     * the value is gone.
     */
    @Override
    public RegistryValue write(List<String> protocols) throws TransportException {
        ProtocolValues.check(host, protocols);
        WsmanShell.Result output = run(RegCommands.writeAndReadBack(protocols));
        if (output.exit == 0) {
            return RegQueryOutput.value(host, output.stdout);
        }
        List<String> now = read().protocols(host);
        if (now.equals(protocols)) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, "the value was written but reading it back "
                    + "failed (" + failure(output) + ")");
        }
        throw new TransportException(FailureKind.ACCESS_DENIED, host, "reg add was refused and the value is unchanged ("
                + failure(output) + "); a local administrator other than the built-in Administrator also needs "
                + "LocalAccountTokenFilterPolicy=1 under UAC remote restrictions");
    }

    /** Restores only a REG_MULTI_SZ of safe names: the entries go on a {@code reg add} command line. */
    @Override
    public RegistryValue restore(RegistryValue saved) throws TransportException {
        if (saved.getType() != RegistryValue.REG_MULTI_SZ) {
            throw new TransportException(FailureKind.INVALID_VALUE, host, "reg add over WinRM restores only REG_MULTI_SZ, not "
                    + saved.getTypeName() + "; restore this value with transport=rrp or regedit");
        }
        List<String> protocols = saved.protocols(host);
        try {
            ProtocolValues.check(host, protocols);
        } catch (TransportException unsafe) {
            throw new TransportException(FailureKind.INVALID_VALUE, host, "the saved value " + UntrustedText.list(protocols)
                    + " holds entries that cannot go on a reg.exe command line safely, so nothing was sent; restore it "
                    + "with transport=rrp, which writes the saved bytes exactly, or by hand with regedit");
        }
        return write(protocols);
    }

    /** @return the last boot time in UTC ticks, or {@code null} where PowerShell's CIM cmdlets are missing (2008 and older) */
    @Override
    public String bootMarker() throws TransportException {
        WsmanShell.Result output = run(RegCommands.bootTime());
        String ticks = output.stdout.trim();
        return output.exit == 0 && TICKS.matcher(ticks).matches() ? ticks : null;
    }

    /**
     * {@code reg query "HKLM\<subkey>" /v <name>}; the line {@code name    TYPE    data} gives the value as reg.exe shows
     * it (REG_SZ, REG_DWORD as 0x..., REG_MULTI_SZ with \0 between entries), so the result is not exact.
     *
     * @return the value, or {@code null} when reg.exe found nothing (exit 1 in any language) or shows another type
     */
    @Override
    public RegistryValue readValue(String subkey, String name) throws TransportException {
        checked(subkey, name);
        WsmanShell.Result output = run(RegCommands.queryValue(subkey, name));
        return output.exit == 0 ? RegQueryOutput.namedValue(output.stdout, name) : null;
    }

    /** Every value in one command ({@link RegCommands#queryAll}), each read from the lines printed under its key. */
    @Override
    public Map<ValueRead, RegistryValue> readValues(List<ValueRead> reads) throws TransportException {
        if (reads.isEmpty()) {
            return new LinkedHashMap<>();
        }
        checked(reads);
        return RegQueryOutput.values(run(RegCommands.queryAll(reads)).stdout, reads);
    }

    /**
     * {@link #read()}'s two queries and the others' in one command. Where the value's lines are not exactly what a
     * readable REG_MULTI_SZ prints (missing, unreadable, another type), it is asked for again alone, so that its
     * failure is classified as {@link #read()} classifies it: one more command, on such hosts only.
     */
    @Override
    public AuditReads readWith(List<ValueRead> others) throws TransportException {
        if (others.isEmpty()) {
            return new AuditReads(read(), null, null);
        }
        checked(others);
        WsmanShell.Result output = run(RegCommands.query() + " & " + RegCommands.queryAll(others));
        RegistryValue value;
        try {
            value = RegQueryOutput.value(host, output.stdout);
        } catch (TransportException doubtful) {
            value = read();
        }
        return new AuditReads(value, RegQueryOutput.values(output.stdout, others), null);
    }

    private void checked(List<ValueRead> reads) throws TransportException {
        for (ValueRead read : reads) {
            checked(read.subkey(), read.name());
        }
    }

    /** {@code reg query "HKLM\<subkey>"} exits 0 when the key can be listed, 1 (in every language) otherwise. */
    @Override
    public boolean keyExists(String subkey) throws TransportException {
        checked(subkey, "");
        return run(RegCommands.queryKey(subkey)).exit == 0;
    }

    /** A key and value name reach a command line only as letters, digits, spaces (key) and backslashes; "" for no name. */
    private void checked(String subkey, String name) throws TransportException {
        if (!SAFE_KEY.matcher(subkey).matches() || !name.isEmpty() && !SAFE_NAME.matcher(name).matches()) {
            throw new TransportException(FailureKind.INVALID_VALUE, host, "refusing to query '" + subkey
                    + (name.isEmpty() ? "" : "\\" + name) + "': only letters, digits, spaces and backslashes reach the command line");
        }
    }

    @Override
    public void restart(RestartRequest request) throws TransportException {
        WsmanShell.Result output = run(RegCommands.restart(request));
        if (!ShutdownAnswers.isRestarting(output.exit)) {
            throw ShutdownAnswers.refusal(host, output.exit); // shutdown.exe exits with the Win32 error
        }
    }

    private WsmanShell.Result run(String commandLine) throws TransportException {
        return shell.run(commandLine);
    }

    /** @return the exit code and what Windows printed, for a message (the text is localized: never classified) */
    private static String failure(WsmanShell.Result output) {
        return "reg.exe exit " + output.exit + "; " + RegQueryOutput.answered(output.stdout, output.stderr);
    }

    @Override
    public void close() {
        shell.close();
    }

    @Override
    public String toString() {
        return "WinRM session with " + host;
    }
}
