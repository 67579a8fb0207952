package dev.aiworkbench.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test sets and advances by hand, so time-dependent code runs the same on every machine. */
public final class MutableClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    public MutableClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    /** A clock showing the given local time in the zone. */
    public static MutableClock at(String localDateTime, ZoneId zone) {
        return new MutableClock(LocalDateTime.parse(localDateTime).atZone(zone).toInstant(), zone);
    }

    /** A UTC clock showing the given local time. */
    public static MutableClock utc(String localDateTime) {
        return at(localDateTime, ZoneId.of("UTC"));
    }

    public synchronized void set(Instant instant) {
        now = instant;
    }

    public synchronized void setLocal(String localDateTime) {
        now = LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(instant(), other);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }
}
