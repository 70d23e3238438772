package dev.sluice.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version stamped into the jar at build time. */
public final class SluiceVersion {
    public static final String VERSION = load();

    private SluiceVersion() {
    }

    private static String load() {
        try (InputStream in = SluiceVersion.class.getResourceAsStream("/sluice-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
