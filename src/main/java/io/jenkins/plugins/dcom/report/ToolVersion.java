package io.jenkins.plugins.dcom.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, from the build. */
public final class ToolVersion {
    /** The tool's name in reports. */
    public static final String NAME = "dcom-protocol-compliance";

    private ToolVersion() {
    }

    /** @return the Maven version this was built as, or {@code dev} */
    public static String get() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/io/jenkins/plugins/dcom/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
