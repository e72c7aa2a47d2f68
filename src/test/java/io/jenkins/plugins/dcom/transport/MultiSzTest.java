package io.jenkins.plugins.dcom.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The REG_MULTI_SZ codec both transports share: the registry's rules as a table, and properties over random lists
 * and random bytes (seeded, so a failure repeats): encoding then decoding gives the list back, and any bytes
 * decode to exact entries or to a classified failure, never to an exception of another kind.
 */
class MultiSzTest {
    private static final String HOST = "host01";
    private static final long SEED = 20261201L;

    /** Code unit by code unit (String.getBytes would replace a lone surrogate). */
    private static RegistryValue text(String units) {
        byte[] bytes = new byte[units.length() * 2];
        for (int i = 0; i < units.length(); i++) {
            bytes[2 * i] = (byte) units.charAt(i);
            bytes[2 * i + 1] = (byte) (units.charAt(i) >> 8);
        }
        return new RegistryValue(RegistryValue.REG_MULTI_SZ, bytes, true);
    }

    static Stream<Arguments> registryRules() {
        return Stream.of(
                Arguments.of("two NULs end the list", "a\0b\0\0", Arrays.asList("a", "b")),
                Arguments.of("a single final NUL costs no entry", "a\0b\0", Arrays.asList("a", "b")),
                Arguments.of("no terminator costs no entry", "a\0b", Arrays.asList("a", "b")),
                Arguments.of("an empty entry in the middle is kept", "a\0\0b\0\0", Arrays.asList("a", "", "b")),
                Arguments.of("no data is an empty list", "", Collections.emptyList()),
                Arguments.of("one NUL is an empty list", "\0", Collections.emptyList()),
                Arguments.of("two NULs are an empty list", "\0\0", Collections.emptyList()),
                Arguments.of("UTF-16 is decoded whole, not byte by byte", "ncacn_ip_t\u0163p\0\0", Arrays.asList("ncacn_ip_t\u0163p")),
                Arguments.of("a surrogate pair stays one character", "\uD83D\uDE00\0\0", Arrays.asList("\uD83D\uDE00")),
                Arguments.of("a lone surrogate is kept, not replaced", "x\uDC00\0\0", Arrays.asList("x\uDC00")),
                Arguments.of("the text \\0 is not a separator", "a\\0b\0\0", Arrays.asList("a\\0b")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registryRules")
    void decodesByTheRegistrysRules(String rule, String data, List<String> entries) throws Exception {
        assertThat(MultiSz.decode(HOST, text(data))).containsExactlyElementsOf(entries);
    }

    @Test
    void anOddByteCountIsMalformedNotTruncated() {
        assertThatThrownBy(() -> MultiSz.decode(HOST, new RegistryValue(RegistryValue.REG_MULTI_SZ, new byte[] {'a', 0, 'b'}, true)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getKind()).isEqualTo(FailureKind.MALFORMED_VALUE);
                    assertThat(e.getMessage()).contains(HOST).contains("odd");
                });
    }

    @Test
    void anotherTypeIsWrongTypeByName() {
        assertThatThrownBy(() -> MultiSz.decode(HOST, new RegistryValue(11, new byte[8], true)))
                .isInstanceOfSatisfying(TransportException.class, e -> {
                    assertThat(e.getKind()).isEqualTo(FailureKind.WRONG_TYPE);
                    assertThat(e.getMessage()).contains("REG_QWORD");
                });
    }

    @Test
    void countAndSizeAreBounded() {
        char[] nuls = new char[MultiSz.MAX_ENTRIES + 5];
        assertThatThrownBy(() -> MultiSz.decode(HOST, text(new String(nuls))))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.getKind()).isEqualTo(FailureKind.MALFORMED_VALUE));
        assertThatThrownBy(() -> MultiSz.decode(HOST, new RegistryValue(RegistryValue.REG_MULTI_SZ, new byte[MultiSz.MAX_BYTES + 2], true)))
                .isInstanceOfSatisfying(TransportException.class, e -> assertThat(e.getKind()).isEqualTo(FailureKind.MALFORMED_VALUE));
    }

    @Test
    void encodingThenDecodingGivesEveryRandomListBack() throws Exception {
        Random random = new Random(SEED);
        for (int round = 0; round < 5000; round++) {
            List<String> entries = randomList(random);
            assertThat(MultiSz.decode(HOST, RegistryValue.multiSz(entries))).as("round %d", round).isEqualTo(entries);
        }
    }

    @Test
    void anyBytesDecodeExactlyOrFailClassified() {
        Random random = new Random(SEED);
        for (int round = 0; round < 20000; round++) {
            byte[] data = new byte[random.nextInt(64)];
            random.nextBytes(data);
            if (random.nextBoolean()) {
                for (int i = 0; i < data.length; i++) {
                    data[i] = random.nextInt(3) == 0 ? 0 : data[i]; // many NULs: separators, empties, terminators
                }
            }
            try {
                List<String> entries = MultiSz.decode(HOST, new RegistryValue(RegistryValue.REG_MULTI_SZ, data, true));
                assertThat(MultiSz.decode(HOST, RegistryValue.multiSz(entries))).isEqualTo(entries);
                assertThat(String.join("\0", entries).length()).isLessThanOrEqualTo(data.length / 2);
            } catch (TransportException classified) {
                assertThat(classified.getKind()).isEqualTo(FailureKind.MALFORMED_VALUE);
            }
        }
    }

    /** Lists whose entries hold any UTF-16 unit but NUL, empty ones included except as the only entry. */
    private static List<String> randomList(Random random) {
        int count = random.nextInt(20);
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder entry = new StringBuilder();
            int length = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
            for (int j = 0; j < length; j++) {
                char c = random.nextInt(3) == 0 ? (char) (1 + random.nextInt(0x7F)) : (char) (1 + random.nextInt(0xFFFF));
                entry.append(c);
            }
            entries.add(entry.toString());
        }
        return entries.size() == 1 && entries.get(0).isEmpty() ? new ArrayList<String>() : entries;
    }
}
