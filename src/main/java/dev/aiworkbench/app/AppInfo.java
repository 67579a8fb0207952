package dev.aiworkbench.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build of the app. */
public final class AppInfo {
    public static final String NAME = "AI Engineer Workbench";
    private static final String VERSION = readVersion();

    private AppInfo() {
    }

    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = AppInfo.class.getResourceAsStream("/workbench.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
