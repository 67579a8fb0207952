package dev.aiworkbench.curriculum;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough semantic versioning to compare MAJOR.MINOR.PATCH (pre-release sorts before release). */
public final class SemanticVersion {
    private static final Pattern FORM = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?$");

    private SemanticVersion() {
    }

    public static boolean isValid(String version) {
        return version != null && FORM.matcher(version).matches();
    }

    public static int compare(String a, String b) {
        Matcher x = FORM.matcher(a);
        Matcher y = FORM.matcher(b);
        if (!x.matches() || !y.matches()) {
            throw new IllegalArgumentException("not a semantic version: " + (x.matches() ? b : a));
        }
        for (int group = 1; group <= 3; group++) {
            int order = Long.compare(Long.parseLong(x.group(group)), Long.parseLong(y.group(group)));
            if (order != 0) {
                return order;
            }
        }
        boolean xPre = x.group(4) != null;
        boolean yPre = y.group(4) != null;
        if (xPre != yPre) {
            return xPre ? -1 : 1;
        }
        return xPre ? x.group(4).compareTo(y.group(4)) : 0;
    }
}
