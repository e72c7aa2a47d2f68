package io.jenkins.plugins.dcom.transport.winrm;

import io.jenkins.plugins.dcom.contract.WinRmAuthentication;
import io.jenkins.plugins.dcom.transport.FailureKind;
import io.jenkins.plugins.dcom.transport.TransportException;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One remote cmd shell on one host, opened at the first command and reused by the next ones: Command, then Receive
 * until the command is Done, per command; Delete when closed. Output is collected as bytes and decoded once as UTF-8
 * (the shell's code page is 65001), so a character split between two stream chunks stays whole.
 */
final class WsmanShell implements Closeable {
    /** Receives that bring no output (a timeout on the host, or an empty answer) before the command counts as hung. */
    private static final int MAX_EMPTY_RECEIVES = 10;
    /** Far above what any command of this tool prints (a few KB); a host streaming more is not believed. */
    static final int MAX_OUTPUT_BYTES = 1024 * 1024;
    private final String host;
    private final WsmanClient client;
    private final WsmanEnvelopes envelopes;
    private final WinRmAuthentication mode;
    private final long commandMillis;
    private String shellId;

    /** @param commandMillis how long one command may take from Command to Done, whatever the host streams meanwhile */
    WsmanShell(String host, WsmanClient client, WsmanEnvelopes envelopes, WinRmAuthentication mode, long commandMillis) {
        this.host = host;
        this.client = client;
        this.envelopes = envelopes;
        this.mode = mode;
        this.commandMillis = commandMillis;
    }

    /** What a command printed and how it ended. */
    static final class Result {
        final int exit;
        final String stdout;
        final String stderr;

        Result(int exit, String stdout, String stderr) {
            this.exit = exit;
            this.stdout = stdout;
            this.stderr = stderr;
        }
    }

    /**
     * Runs one command line in the shell and waits for it to finish.
     *
     * @param commandLine the line cmd.exe runs; every argument in it was validated by the caller
     * @throws TransportException classified by the codes the service gave
     */
    Result run(String commandLine) throws TransportException {
        if (shellId == null) {
            shellId = required(exchange(envelopes.create(), false).shellId(), "ShellId");
        }
        long started = System.nanoTime();
        String commandId = required(exchange(envelopes.command(shellId, commandLine), false).commandId(), "CommandId");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        for (int empty = 0; ; ) {
            if (System.nanoTime() - started > commandMillis * 1_000_000L) {
                throw new TransportException(FailureKind.TIMEOUT, host, "the command did not finish within "
                        + (commandMillis + 999) / 1000 + " s (the answer timeout); the host kept it running");
            }
            WsmanReply reply = exchange(envelopes.receive(shellId, commandId), true);
            int before = stdout.size() + stderr.size();
            if (reply != null) {
                append(reply, stdout, stderr);
            }
            if (reply != null && reply.isDone()) {
                Integer exit = reply.exitCode();
                if (exit == null) {
                    throw new TransportException(FailureKind.PROTOCOL_ERROR, host, "the finished command has no exit code");
                }
                return new Result(exit, utf8(stdout), utf8(stderr));
            }
            if (stdout.size() + stderr.size() == before && ++empty == MAX_EMPTY_RECEIVES) {
                throw new TransportException(FailureKind.TIMEOUT, host, "the command was still running after "
                        + MAX_EMPTY_RECEIVES + " receives without output");
            }
        }
    }

    /** Collects a Receive's output, up to {@value #MAX_OUTPUT_BYTES} bytes for the whole command. */
    private void append(WsmanReply reply, ByteArrayOutputStream stdout, ByteArrayOutputStream stderr) throws TransportException {
        try {
            reply.appendStreams(stdout, stderr);
        } catch (IOException e) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, e.getMessage());
        }
        if (stdout.size() + stderr.size() > MAX_OUTPUT_BYTES) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, "the command printed more than " + MAX_OUTPUT_BYTES
                    + " bytes without finishing; no command of this tool prints that much, so the answer is not believed");
        }
    }

    private static String utf8(ByteArrayOutputStream bytes) {
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * @param receive whether the message is a Receive, which the host may answer with its operation timeout
     * @return the answer to this message, which relates to it and is no fault; {@code null} for a timed-out Receive
     */
    private WsmanReply exchange(WsmanEnvelopes.Message message, boolean receive) throws TransportException {
        WsmanClient.Answer answer;
        WsmanReply reply;
        try {
            answer = client.post(message.xml);
        } catch (IOException e) {
            throw WinRmFailures.of(host, e);
        }
        try {
            reply = answer.body.length == 0 ? null : WsmanReply.parse(answer.body);
        } catch (IOException notXml) {
            if (answer.status == 200) {
                throw new TransportException(FailureKind.PROTOCOL_ERROR, host, notXml.getMessage());
            }
            reply = null; // an error page: the status tells
        }
        if (answer.status == 200 && reply != null && !reply.isFault()) {
            if (!message.id.equals(reply.relatesTo())) {
                throw new TransportException(FailureKind.PROTOCOL_ERROR, host, "the WinRM answer does not relate to the message sent");
            }
            return reply;
        }
        if (receive && reply != null && reply.isFault()
                && Long.valueOf(WinRmFailures.OPERATION_TIMED_OUT).equals(reply.faultCode())) {
            return null;
        }
        throw WinRmFailures.of(host, answer, reply, mode, client.seals());
    }

    private String required(String value, String what) throws TransportException {
        if (value == null || value.isEmpty()) {
            throw new TransportException(FailureKind.PROTOCOL_ERROR, host, "the WinRM answer has no " + what);
        }
        return value;
    }

    /** Deletes the shell (best effort: the host frees it after IdleTimeout anyway) and closes the connection. */
    @Override
    public void close() {
        try {
            if (shellId != null) {
                client.post(envelopes.delete(shellId).xml);
            }
        } catch (IOException | RuntimeException e) {
            // the result is already known; an undeleted shell expires on the host
        } finally {
            shellId = null;
            client.close();
        }
    }
}
