package dev.aiworkbench.eval.run;

import dev.aiworkbench.eval.assertions.Grader;
import dev.aiworkbench.eval.assertions.VerdictCache;
import dev.aiworkbench.eval.scripts.JsSandbox;
import dev.aiworkbench.eval.scripts.ScriptRuntime;
import dev.aiworkbench.eval.suite.EvalSuite;
import dev.aiworkbench.eval.suite.PromptSource;
import dev.aiworkbench.eval.suite.ProviderSpec;
import dev.aiworkbench.eval.suite.TestCase;
import dev.aiworkbench.llm.CallTag;
import dev.aiworkbench.llm.ModelGateway;
import dev.aiworkbench.llm.ModelServerException;
import dev.aiworkbench.llm.Usage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a suite's items on one prompt and provider, at most {@code concurrency} at a time, keeping
 * each case as it lands. A resumed run skips the cases it already has; it may resume only when
 * nothing it measures has changed. A suite of several prompts or providers runs as one run
 * ({@link #startMatrix}) whose cells run one after the other ({@link #startCell}).
 */
public final class EvalRunner {
    /** How long the writer waits for more cases to share a commit with the one that landed first. */
    private static final Duration GROUP_WINDOW = Duration.ofMillis(10);
    /** The most cases one commit takes. */
    private static final int MAX_GROUP = 256;
    /** How many graded cases may wait for the writer before the workers wait for it. */
    private static final int MAX_WAITING = 2 * MAX_GROUP;
    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final EvalStore store;
    private final EvalModels models;
    private final Grader grader;
    private final VerdictCache verdicts;
    private final Clock clock;
    /** Makes each run's script runtime: its own Python worker, stopped when the run ends. */
    private final Supplier<ScriptRuntime> scriptRuntimes;

    /**
     * @param pricing what a case's usage costs, asked once at the start of each run (a lookup per case would
     *                take the database lock the run's writer needs)
     */
    public EvalRunner(EvalStore store, Supplier<ModelGateway> gateway, Grader grader, VerdictCache verdicts,
                      Supplier<Function<Usage, OptionalDouble>> pricing, Clock clock) {
        this(store, gateway, grader, verdicts, model -> pricing.get(), clock);
    }

    /**
     * @param pricingByModel what a case's usage costs on the run's model, asked once at the start of each run, so a
     *                       hosted provider's run is priced at the row that names its model
     */
    public EvalRunner(EvalStore store, Supplier<ModelGateway> gateway, Grader grader, VerdictCache verdicts,
                      Function<String, Function<Usage, OptionalDouble>> pricingByModel, Clock clock) {
        this(store, EvalModels.single(gateway, pricingByModel), grader, verdicts, clock);
    }

    /** @param models each provider's gateway and prices, by the kind its id names ({@code openai:chat:…} …) */
    public EvalRunner(EvalStore store, EvalModels models, Grader grader, VerdictCache verdicts, Clock clock) {
        this(store, models, grader, verdicts, clock, ScriptRuntime::forRun);
    }

    /** @param scriptRuntimes makes the script runtime of each run (its limits; where Python is) */
    public EvalRunner(EvalStore store, EvalModels models, Grader grader, VerdictCache verdicts, Clock clock,
                      Supplier<ScriptRuntime> scriptRuntimes) {
        this.store = store;
        this.models = models;
        this.grader = grader;
        this.verdicts = verdicts;
        this.clock = clock;
        this.scriptRuntimes = scriptRuntimes;
    }

    /**
     * Checks the models are there, stores the run and starts it.
     *
     * @throws ModelServerException     the server cannot be reached, or lacks the model or a judge model
     * @throws IllegalArgumentException a resume that does not fit (unknown run, or something it measured changed)
     */
    public EvalExecution start(EvalSuite whole, Variant variant, EvalOptions options, EvalProgress progress)
            throws ModelServerException {
        return start(whole, variant, options, progress, Optional.empty());
    }

    /**
     * Stores the run of every cell of a suite of several prompts or providers, as one run whose cells
     * {@link #startCell} then runs; it holds no figures of its own (its cells do), and {@link #finishMatrix} records
     * how it ended.
     */
    public EvalRun startMatrix(EvalSuite whole, EvalOptions options) {
        List<Variant> cells = Variant.all(whole);
        String file = whole.file().toAbsolutePath().normalize().toString();
        String key = options.shard().map(shard -> shard.key(file)).orElse(file);
        EvalSuite suite = options.shard().map(shard -> shard.of(whole)).orElse(whole);
        List<String> prompts = cells.stream().map(v -> v.prompt(whole).label()).distinct().toList();
        List<String> providers = cells.stream().map(v -> v.provider(whole).id()).distinct().toList();
        List<String> modelNames = cells.stream().map(v -> v.provider(whole).model()).distinct().toList();
        // What the cells share (dataset, assertions) is hashed as theirs is; prompts and options are the cells' own.
        Fingerprint fingerprint = Fingerprint.of(String.join("\u0000", prompts), "", whole.tests(), providers, null);
        Instant now = clock.instant();
        EvalRun matrix = new EvalRun(newId(now), key, suite.file().toString(), suite.description(),
                prompts.size() + " prompts", String.join(", ", providers), String.join(", ", modelNames), fingerprint,
                options.repeat(), cells.size() * suite.tests().size() * options.repeat(), RunState.RUNNING, now, null,
                null, null, null, null, null, null, null);
        store.insertMatrix(matrix, cells.size());
        return matrix;
    }

    /** Starts one cell of a matrix run {@link #startMatrix} stored: a run whose id names the matrix run and the cell. */
    public EvalExecution startCell(EvalRun matrix, EvalSuite whole, Variant variant, EvalOptions options,
                                   EvalProgress progress) throws ModelServerException {
        return start(whole, variant, options, progress,
                Optional.of(EvalRun.cellId(matrix.id(), Variant.all(whole).indexOf(variant) + 1)));
    }

    /**
     * Records how a matrix run ended once its cells have: finished (with the gate's decision over its cells, when a
     * gate ran), or failed or cancelled with the reason.
     *
     * @param gateDecision "pass" or "block", or null when no gate ran
     */
    public EvalRun finishMatrix(EvalRun matrix, RunState end, String gateDecision, String why) {
        EvalRun ended = matrix.finished(end, clock.instant(), end == RunState.FINISHED ? null : why);
        EvalRun recorded = new EvalRun(ended.id(), ended.suiteKey(), ended.suiteFile(), ended.description(),
                ended.promptLabel(), ended.providerId(), ended.model(), ended.fingerprint(), ended.repeat(),
                ended.totalCases(), ended.state(), ended.startedAt(), ended.finishedAt(), gateDecision,
                end == RunState.FINISHED ? why : null, null, null, null, null, ended.failure());
        store.record(recorded);
        return recorded;
    }

    private EvalExecution start(EvalSuite whole, Variant variant, EvalOptions options, EvalProgress progress,
                                Optional<String> cellId) throws ModelServerException {
        EvalSuite suite = options.shard().map(shard -> shard.of(whole)).orElse(whole);
        PromptSource prompt = variant.prompt(suite);
        ProviderSpec provider = variant.provider(suite);
        Map<String, String> digests = new ServedModels(models).digests(suite, provider);
        // The options as sent, so a saved prompt's new version with other options is not resumable into. A shard
        // carries the whole suite's fingerprint: the shards of one suite version match each other and a run of the
        // whole suite (so their reports can be merged), and a change anywhere in the suite affects a shard's resume
        // and baselines as it would the whole run's.
        Fingerprint fingerprint = Fingerprint.of(prompt.template(), prompt.system(), whole.tests(),
                CaseRunner.sentOptions(prompt, provider), digests.get(provider.model()));
        String key = key(whole, variant, options.shard());
        EvalRun run = options.resume().isPresent() ? resumable(options.resume().get(), fingerprint, key)
                : newRun(suite, key, variant, fingerprint, options, cellId);
        Set<String> kept = options.resume().isPresent() ? store.caseKeys(run.id()) : Set.of();
        if (options.resume().isPresent()) {
            store.reopen(run.id());
        } else {
            store.insert(run);
        }
        CallTag tag = prompt.registered().map(v -> CallTag.prompt(v.ref().name(), v.ref().version()))
                .orElse(CallTag.NONE).with(CallTag.evalRun(run.id()));
        if (JavascriptUse.in(suite)) {
            JsSandbox.warmUp();
        }
        CaseRunner cases = new CaseRunner(models, tag, grader, verdicts, models.pricing(provider), clock, prompt,
                provider, options, scriptRuntimes.get().within(options.scriptTimeout().or(suite::scriptTimeout)));
        return new Execution(run, cases, plan(suite, run.repeat(), kept), kept.size(), options.concurrency(), progress);
    }

    /** The key a run's baselines are found by: a shard's are the same shard's runs. */
    private static String key(EvalSuite whole, Variant variant, Optional<Shard> shard) {
        String key = variant.suiteKey(whole);
        return shard.map(s -> s.key(key)).orElse(key);
    }

    private static String newId(Instant now) {
        return "run-" + RUN_ID.format(now) + "-" + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }

    private EvalRun newRun(EvalSuite suite, String key, Variant variant, Fingerprint fingerprint, EvalOptions options,
                           Optional<String> cellId) {
        Instant now = clock.instant();
        return new EvalRun(cellId.orElseGet(() -> newId(now)), key, suite.file().toString(), suite.description(),
                variant.prompt(suite).label(), variant.provider(suite).id(), variant.provider(suite).model(), fingerprint,
                options.repeat(), suite.tests().size() * options.repeat(), RunState.RUNNING, now, null, null, null, null,
                null, null, null, null);
    }

    /**
     * Checks, before any call to the model server, what can be told about a resume without the
     * model's digest: the run exists, is unfinished and belongs to this suite.
     *
     * @throws IllegalArgumentException a resume that does not fit
     */
    public void checkResume(EvalSuite suite, Variant variant, String runId) {
        checkResume(suite, variant, Optional.empty(), runId);
    }

    /** As {@link #checkResume(EvalSuite, Variant, String)}, for a run of one shard: it must be of the same shard. */
    public void checkResume(EvalSuite suite, Variant variant, Optional<Shard> shard, String runId) {
        resumableRun(runId, key(suite, variant, shard));
    }

    private EvalRun resumableRun(String runId, String key) {
        EvalRun run = store.run(runId).orElseThrow(() -> new IllegalArgumentException("There is no run '" + runId
                + "'; `workbench eval runs` lists them."));
        if (run.state() == RunState.FINISHED) {
            throw new IllegalArgumentException("Run " + runId + " already finished; there is nothing to resume.");
        }
        if (!Shard.wholeKey(run.suiteKey()).equals(Shard.wholeKey(key))) {
            throw new IllegalArgumentException("Run " + runId + " belongs to another suite (" + run.suiteFile() + ").");
        }
        if (!run.suiteKey().equals(key)) {
            throw new IllegalArgumentException("Run " + runId + " ran " + Shard.describe(run.suiteKey()) + ", not "
                    + Shard.describe(key) + "; resume it with the --shard it was started with.");
        }
        return run;
    }

    private EvalRun resumable(String runId, Fingerprint now, String key) {
        EvalRun run = resumableRun(runId, key);
        if (!run.fingerprint().sameRun(now)) {
            throw new IllegalArgumentException("Run " + runId + " cannot be resumed: " + changed(run.fingerprint(), now)
                    + " changed since it started, so its cases would not be comparable. Start a new run instead.");
        }
        return run;
    }

    private static String changed(Fingerprint before, Fingerprint now) {
        List<String> parts = new ArrayList<>();
        if (!before.promptHash().equals(now.promptHash())) {
            parts.add("the prompt");
        }
        if (!before.datasetHash().equals(now.datasetHash())) {
            parts.add("the dataset");
        }
        if (!before.assertionsHash().equals(now.assertionsHash())) {
            parts.add("the assertions");
        }
        if (!before.optionsHash().equals(now.optionsHash())) {
            parts.add("the options");
        }
        if (!java.util.Objects.equals(before.modelDigest(), now.modelDigest())) {
            parts.add("the model");
        }
        return String.join(" and ", parts);
    }

    private record Unit(TestCase test, int repeatIndex) {
    }

    /** A case that is graded and waits to be kept; {@link #LAST} follows the last one. */
    private record Landed(CaseResult result) {
        static final Landed LAST = new Landed(null);
    }

    /** The units still to run: every item times every repeat, less those {@code done} holds (see {@link EvalStore#caseKey}). */
    private static List<Unit> plan(EvalSuite suite, int repeat, Set<String> done) {
        List<Unit> units = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            for (TestCase test : suite.tests()) {
                if (!done.contains(EvalStore.caseKey(test.key(), r))) {
                    units.add(new Unit(test, r));
                }
            }
        }
        return units;
    }

    private final class Execution implements EvalExecution {
        private final EvalRun run;
        private final CaseRunner cases;
        private final CompletableFuture<EvalRun> done = new CompletableFuture<>();
        private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        private final AtomicReference<ModelServerException> stopped = new AtomicReference<>();
        private volatile boolean cancelled;

        Execution(EvalRun run, CaseRunner cases, List<Unit> units, int alreadyDone, int concurrency,
                  EvalProgress progress) {
            this.run = run;
            this.cases = cases;
            if (units.isEmpty()) {
                end();
                return;
            }
            // As many workers as the concurrency allows, each taking the next unit until none is left: at
            // most that many cases run at once, and there is no thread per unit waiting for a turn. A worker
            // hands its graded case to the writer and goes on with the next unit. The writer keeps the cases
            // in group commits: it takes a landed case, waits GROUP_WINDOW for others, and writes them all
            // in one transaction. A commit costs far more than an insert (a write of the WAL's pages and
            // its locks), so at a few hundred cases a second this is most of what the runner spends beside
            // the model. A case counts as done, and is reported, only once it is committed, so a resume never
            // loses a finished case; the queue is bounded, so a slow disk holds the workers back.
            Queue<Unit> queue = new ConcurrentLinkedQueue<>(units);
            BlockingQueue<Landed> landed = new ArrayBlockingQueue<>(MAX_WAITING);
            int workerCount = Math.min(concurrency, units.size());
            AtomicInteger working = new AtomicInteger(workerCount);
            for (int w = 0; w < workerCount; w++) {
                workers.execute(() -> {
                    try {
                        Unit unit;
                        while (!cancelled && stopped.get() == null && (unit = queue.poll()) != null) {
                            try {
                                put(landed, new Landed(cases.run(unit.test(), unit.repeatIndex())));
                            } catch (CaseRunner.Unreachable | CaseRunner.Cancelled e) {
                                throw e;
                            } catch (RuntimeException e) {
                                // A bug in one case loses that case only (a resume runs it again); the
                                // worker goes on with the next.
                                uncaught(e);
                            }
                        }
                    } catch (CaseRunner.Unreachable e) {
                        if (stopped.compareAndSet(null, e.server())) {
                            cases.cancel();
                        }
                    } catch (CaseRunner.Cancelled e) {
                        // a cancelled case is not kept: a resume runs it again
                    } finally {
                        if (working.decrementAndGet() == 0) {
                            put(landed, Landed.LAST);
                        }
                    }
                });
            }
            workers.execute(() -> {
                int finished = alreadyDone;
                boolean last = false;
                try {
                    while (!last) {
                        List<Landed> group = group(landed);
                        last = group.getLast() == Landed.LAST;
                        List<CaseResult> batch = new ArrayList<>(group.size());
                        for (Landed item : group) {
                            if (item != Landed.LAST) {
                                batch.add(item.result());
                            }
                        }
                        for (CaseResult result : batch.isEmpty() ? batch : keep(batch)) {
                            try {
                                progress.onCase(result, ++finished, run.totalCases());
                            } catch (RuntimeException e) {
                                uncaught(e);
                            }
                        }
                    }
                } finally {
                    end();
                }
            });
        }

        /**
         * The next group to commit: the next case to land, then every one that lands within GROUP_WINDOW
         * of it, up to MAX_GROUP. The writer sleeps through the window rather than waking for each case
         * that lands in it. {@link Landed#LAST} is always the last thing put, so it closes a group.
         */
        private static List<Landed> group(BlockingQueue<Landed> landed) {
            List<Landed> group = new ArrayList<>();
            group.add(take(landed));
            if (group.getFirst() != Landed.LAST) {
                try {
                    Thread.sleep(GROUP_WINDOW);
                } catch (InterruptedException e) {
                    // Nothing interrupts the writer on purpose; the group is just smaller.
                }
                landed.drainTo(group, MAX_GROUP - 1);
            }
            return group;
        }

        /**
         * Writes the cases, together when it can; when that fails, one by one, so that one case that
         * cannot be written loses only itself. Returns the cases kept: one that is not kept is not reported,
         * and a resume runs it again.
         */
        private List<CaseResult> keep(List<CaseResult> batch) {
            try {
                store.putCases(run.id(), batch);
                return batch;
            } catch (RuntimeException e) {
                if (batch.size() == 1) {
                    uncaught(e);
                    return List.of();
                }
            }
            List<CaseResult> kept = new ArrayList<>();
            for (CaseResult result : batch) {
                try {
                    store.putCases(run.id(), List.of(result));
                    kept.add(result);
                } catch (RuntimeException e) {
                    uncaught(e);
                }
            }
            return kept;
        }

        private static void put(BlockingQueue<Landed> landed, Landed item) {
            while (true) {
                try {
                    landed.put(item);
                    return;
                } catch (InterruptedException e) {
                    // Nothing interrupts a worker on purpose, and a graded case is never dropped.
                }
            }
        }

        private static Landed take(BlockingQueue<Landed> landed) {
            while (true) {
                try {
                    return landed.take();
                } catch (InterruptedException e) {
                    // Nothing interrupts the writer on purpose: it stops at the last case, never before.
                }
            }
        }

        private static void uncaught(RuntimeException e) {
            Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
        }

        private void end() {
            workers.shutdown();
            cases.close();
            try {
                record();
            } catch (RuntimeException e) {
                // The run's last write failed (a full disk, say): the cases kept so far stay, and a resume goes on.
                done.completeExceptionally(e);
            }
        }

        private void record() {
            ModelServerException failure = stopped.get();
            Instant at = clock.instant();
            if (failure != null) {
                EvalRun failed = run.finished(RunState.FAILED, at, failure.getMessage());
                store.record(failed);
                done.completeExceptionally(failure);
            } else if (cancelled) {
                EvalRun cancelledRun = run.finished(RunState.CANCELLED, at, "cancelled; resume it with --resume " + run.id());
                store.record(cancelledRun);
                done.complete(cancelledRun);
            } else {
                EvalRun finished = run.finished(RunState.FINISHED, at, null);
                store.record(finished);
                done.complete(finished);
            }
        }

        @Override
        public EvalRun run() {
            return run;
        }

        @Override
        public CompletableFuture<EvalRun> done() {
            return done;
        }

        @Override
        public void cancel() {
            cancelled = true;
            cases.cancel();
        }
    }
}
