package dev.aiworkbench.eval.report;

import dev.aiworkbench.eval.run.EvalRun;
import dev.aiworkbench.eval.run.RunState;
import dev.aiworkbench.eval.run.Shard;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The checks that reports are the shards of one suite run, each a sentence with the next step: every report is a
 * shard, of one split (the same N), of the same suite version, prompt, model and options (the same fingerprint), with
 * the same gate; no shard is given twice and no item is in two shards; and, unless a partial merge is allowed, every
 * shard is there and finished.
 *
 * @param partialWarning what a partial merge leaves out, as a sentence for the report; empty when nothing is left out
 */
record ShardSet(Optional<String> partialWarning) {

    static ShardSet check(List<ShardReport> reports, boolean allowPartial) {
        if (reports.isEmpty()) {
            throw new IllegalArgumentException("Give the JSON reports of the shards to merge.");
        }
        for (ShardReport report : reports) {
            if (report.shard().isEmpty()) {
                throw new IllegalArgumentException(report.source() + " is a report of the whole suite, not of a shard; "
                        + "merge the reports that `workbench eval run <suite> --shard K/N -o <file>` wrote.");
            }
        }
        ShardReport first = reports.get(0);
        for (ShardReport report : reports.subList(1, reports.size())) {
            sameRun(first, report);
        }
        Map<Integer, ShardReport> byNumber = new TreeMap<>();
        Map<String, ShardReport> owners = new HashMap<>();
        for (ShardReport report : reports) {
            ShardReport twice = byNumber.putIfAbsent(report.shard().orElseThrow().number(), report);
            if (twice != null) {
                throw new IllegalArgumentException("Shard " + report.shard().orElseThrow() + " is given twice ("
                        + twice.source() + " and " + report.source() + "); give each shard's report once.");
            }
            for (ItemResult item : report.items()) {
                ShardReport owner = owners.putIfAbsent(item.key(), report);
                if (owner != null) {
                    throw new IllegalArgumentException("Item " + item.key() + " is in " + owner.describe() + " and in "
                            + report.describe() + ", but the shards of one run never share an item; run every shard "
                            + "with the same workbench version and merge their reports again.");
                }
            }
        }
        int count = first.shard().orElseThrow().count();
        List<String> missing = IntStream.rangeClosed(1, count).filter(k -> !byNumber.containsKey(k))
                .mapToObj(k -> k + "/" + count).toList();
        List<ShardReport> unfinished = reports.stream().filter(r -> r.run().state() != RunState.FINISHED).toList();
        List<String> left = new ArrayList<>();
        if (!missing.isEmpty()) {
            String given = byNumber.values().stream().map(r -> r.shard().orElseThrow().toString())
                    .collect(Collectors.joining(", "));
            if (!allowPartial) {
                throw new IllegalArgumentException((missing.size() == 1 ? "Shard " + missing.get(0) + " is" : "Shards "
                        + String.join(", ", missing) + " are") + " missing (given: " + given + "); merge the reports "
                        + "of all " + count + " shards, or pass --allow-partial to report on the items given.");
            }
            left.add("shard" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + " (missing)");
        }
        for (ShardReport report : unfinished) {
            String state = report.run().state().id();
            if (!allowPartial) {
                throw new IllegalArgumentException(report.describe() + " did not finish (" + state + "); resume it "
                        + "with `workbench eval run <suite> --shard " + report.shard().orElseThrow() + " --resume "
                        + report.run().id() + "` and merge again, or pass --allow-partial to report on the items given.");
            }
            left.add("the rest of " + report.describe() + " (" + state + ")");
        }
        return new ShardSet(left.isEmpty() ? Optional.empty() : Optional.of("This report merges part of the suite "
                + "only: it leaves out " + String.join(" and ", left) + ", so its figures cover the "
                + reports.stream().mapToInt(r -> r.items().size()).sum() + " items given, not the whole suite."));
    }

    /** Refuses two reports that are not of one run of one suite. */
    private static void sameRun(ShardReport a, ShardReport b) {
        EvalRun x = a.run();
        EvalRun y = b.run();
        List<String> differ = new ArrayList<>();
        if (a.shard().orElseThrow().count() != b.shard().orElseThrow().count()) {
            differ.add("shard counts (" + a.shard().orElseThrow() + " and " + b.shard().orElseThrow() + ")");
        }
        if (!Objects.equals(x.description(), y.description()) || !x.fingerprint().datasetHash()
                .equals(y.fingerprint().datasetHash())) {
            differ.add("suites");
        }
        if (!x.fingerprint().assertionsHash().equals(y.fingerprint().assertionsHash())) {
            differ.add("assertions");
        }
        if (!x.fingerprint().promptHash().equals(y.fingerprint().promptHash()) || !x.promptLabel().equals(y.promptLabel())) {
            differ.add("prompts");
        }
        if (!x.providerId().equals(y.providerId()) || !x.model().equals(y.model())
                || !Objects.equals(x.fingerprint().modelDigest(), y.fingerprint().modelDigest())) {
            differ.add("models");
        }
        if (!x.fingerprint().optionsHash().equals(y.fingerprint().optionsHash()) || x.repeat() != y.repeat()) {
            differ.add("options");
        }
        if (!a.gateSpec().equals(b.gateSpec())) {
            differ.add("gates");
        }
        if (!differ.isEmpty()) {
            throw new IllegalArgumentException(a.source() + " and " + b.source() + " are not shards of one run: their "
                    + String.join(", ", differ) + " differ. Run every shard from the same suite file, model and options, "
                    + "with one workbench version, then merge their reports.");
        }
    }
}
