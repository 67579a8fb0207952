package dev.aiworkbench.eval.stats;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How the gate reads a paired comparison (reference §5.2, "Gate semantics"). */
public enum GateMode {
    /** Default: block when the pass rate falls more than maxDrop and the fall is significant at alpha. Lenient:
     *  a suite too small to show significance passes, which is why every reason names the smallest detectable drop. */
    SIGNIFICANT_DROP("significant-drop"),
    /** Pass only when the lower bound of the (1 − alpha) interval for the change is above −maxDrop. Strict: it needs
     *  a suite large enough to show the candidate is not worse. */
    NON_INFERIORITY("non-inferiority");

    private final String configName;

    GateMode(String configName) {
        this.configName = configName;
    }

    /** The name used in suite files and reports: "significant-drop" or "non-inferiority". */
    public String configName() {
        return configName;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static GateMode fromConfig(String name) {
        for (GateMode mode : values()) {
            if (mode.configName.equals(name)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown gate mode '" + name + "'; use "
                + Arrays.stream(values()).map(GateMode::configName).collect(Collectors.joining(" or ")));
    }
}
