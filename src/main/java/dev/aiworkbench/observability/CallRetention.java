package dev.aiworkbench.observability;


import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How long call records are kept (a setting, 90 days unless the learner says otherwise), and the pruning. */
public final class CallRetention {
    public static final String SETTING = "observability.retention.days";
    public static final int DEFAULT_DAYS = 90;

    private final SettingValues settings;
    private final CallStore store;

    CallRetention(SettingValues settings, CallStore store) {
        this.settings = settings;
        this.store = store;
    }

    /** The days kept; a setting that is not a positive whole number counts as unset. */
    public int days() {
        return settings.get(SETTING).flatMap(CallRetention::parse).orElse(DEFAULT_DAYS);
    }

    /** @throws IllegalArgumentException for fewer than one day */
    public void setDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("keep call records for at least one day (the default is "
                    + DEFAULT_DAYS + ")");
        }
        settings.put(SETTING, Integer.toString(days));
    }

    /** Deletes the records older than the retention at the given time; returns how many. */
    public int prune(Instant now) {
        return store.deleteBefore(now.minus(Duration.ofDays(days())));
    }

    private static Optional<Integer> parse(String text) {
        try {
            int days = Integer.parseInt(text.strip());
            return days >= 1 ? Optional.of(days) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
