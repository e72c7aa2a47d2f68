package io.jenkins.plugins.dcom.compat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.util.zip.GZIPInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One server's API as listed in {@code src/test/resources/jenkins-api/*.tsv.gz} (see the README there): types with their supertypes and flags,
 * members with their erased signatures and flags (format in that folder's README).
 */
final class ApiListing {
    /** A listed type. */
    static final class Type {
        final String name;
        final String superName;
        final List<String> interfaces;
        final String flags;

        Type(String name, String superName, List<String> interfaces, String flags) {
            this.name = name;
            this.superName = superName;
            this.interfaces = interfaces;
            this.flags = flags;
        }
    }

    /** A listed member: {@code kind} is method, ctor or field; {@code params} is "-" for fields. */
    static final class Member {
        final String owner;
        final String kind;
        final String name;
        final String params;
        final String type;
        final String flags;

        Member(String owner, String kind, String name, String params, String type, String flags) {
            this.owner = owner;
            this.kind = kind;
            this.name = name;
            this.params = params;
            this.type = type;
            this.flags = flags;
        }

        String restriction() {
            return flag("restricted=");
        }

        boolean isDeprecated() {
            return Arrays.asList(flags.split(",")).contains("deprecated");
        }

        private String flag(String prefix) {
            for (String flag : flags.split(",")) {
                if (flag.startsWith(prefix)) {
                    return flag.substring(prefix.length());
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return owner + "." + name + params;
        }
    }

    private final Map<String, Type> types = new HashMap<>();
    private final Map<String, List<Member>> members = new HashMap<>();

    /** Reads gzipped listings from the test class path ({@code src/test/resources/jenkins-api/NAME.tsv.gz}). */
    static ApiListing read(String... names) throws IOException {
        ApiListing listing = new ApiListing();
        for (String name : names) {
            String resource = "/jenkins-api/" + name + ".tsv.gz";
            InputStream stream = ApiListing.class.getResourceAsStream(resource);
            if (stream == null) {
                throw new IOException(resource + " is missing from the test resources");
            }
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(stream), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    listing.add(line.split("\t", -1));
                }
            }
        }
        return listing;
    }

    private void add(String[] fields) {
        if (fields[0].equals("TYPE") && fields.length >= 6) {
            String interfaces = fields[5].substring("ifaces=".length());
            types.put(fields[1], new Type(fields[1], fields[4].substring("super=".length()),
                    interfaces.isEmpty() ? new ArrayList<String>() : Arrays.asList(interfaces.split(",")), fields[3]));
        } else if (fields[0].equals("MEMBER") && fields.length >= 7) {
            members.computeIfAbsent(fields[1], key -> new ArrayList<>())
                    .add(new Member(fields[1], fields[2], fields[3], fields[4], fields[5], fields[6]));
        }
    }

    Type type(String name) {
        return types.get(name);
    }

    List<Member> declared(String owner) {
        return members.getOrDefault(owner, new ArrayList<Member>());
    }
}
