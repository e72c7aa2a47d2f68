package io.jenkins.plugins.dcom.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the build step learns of a node's JDK before it gives the command line a class-data archive: its feature release
 * and VM build, from {@code java -XshowSettings:properties -version} (the lines below are what OpenJDK 17, Temurin 25
 * and an OpenJDK 8 print; the other properties and the version banner are left out).
 */
class ClassDataArchiveTest {
    @Test
    void aCurrentJdkIsReadAsItsFeatureReleaseAndBuild() {
        String[] jdk = ClassDataArchive.parse("Property settings:\n    file.encoding = UTF-8\n"
                + "    java.specification.version = 17\n    java.vm.version = 17.0.15+6-Debian-1deb12u1\n\n"
                + "openjdk version \"17.0.15\" 2025-04-15\n");

        assertThat(jdk).containsExactly("17", "17.0.15+6-Debian-1deb12u1");
    }

    @Test
    void windowsLineEndsAndANewerJdkReadTheSame() {
        assertThat(ClassDataArchive.parse("    java.specification.version = 25\r\n    java.vm.version = 25.0.3+9-LTS\r\n"))
                .containsExactly("25", "25.0.3+9-LTS");
    }

    @Test
    void javaEightIsReleaseEightAndGetsNoArchive() {
        String[] jdk = ClassDataArchive.parse("    java.specification.version = 1.8\n    java.vm.version = 25.392-b08\n");

        assertThat(jdk).containsExactly("8", "25.392-b08");
        assertThat(Integer.parseInt(jdk[0])).isLessThan(ClassDataArchive.FIRST_JDK);
    }

    @Test
    void anAnswerThatIsNotAJdksGivesNothingToGoOn() {
        assertThat(ClassDataArchive.parse("java: command not found\n")).isNull();
        assertThat(ClassDataArchive.parse("    java.specification.version = seventeen\n    java.vm.version = 17\n")).isNull();
        assertThat(ClassDataArchive.parse("    java.specification.version = 17\n")).isNull();
    }
}
