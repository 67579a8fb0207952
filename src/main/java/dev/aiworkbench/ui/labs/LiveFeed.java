package dev.aiworkbench.ui.labs;

import dev.aiworkbench.labs.definition.ServiceType;
import dev.aiworkbench.labs.services.ImagePullSnapshot;
import dev.aiworkbench.labs.services.LogLine;
import dev.aiworkbench.labs.services.PullSnapshot;
import dev.aiworkbench.labs.services.ServiceListener;
import dev.aiworkbench.labs.services.ServiceState;
import dev.aiworkbench.llm.PullBoard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Hears a lab's services on their threads and hands what they said to the view model coalesced: one delivery per
 * run of its {@link Pacing} (in the app, at most one FX update a frame), carrying every state and log line that
 * arrived meanwhile (the latest state per service, at most {@code maxLines} lines). A burst of a thousand log lines
 * is one update, not a thousand.
 */
final class LiveFeed implements ServiceListener {
    /**
     * How deliveries are spaced: given the delivery, returns what a service thread calls to ask for one. The app
     * paces them with {@link dev.aiworkbench.ui.common.FramePacer} on the FX thread; a test runs them when it likes.
     */
    @FunctionalInterface
    interface Pacing {
        Runnable pace(Runnable deliver);
    }


    private final int maxLines;
    private final Consumer<Map<ServiceType, ServiceState>> onStates;
    private final BiConsumer<ServiceType, List<LogLine>> onLines;
    private final Consumer<List<PullSnapshot>> onPulls;
    private final BiConsumer<ServiceType, ImagePullSnapshot> onImagePull;
    /** The latest state of each model being pulled, by model. */
    private final Map<String, PullSnapshot> pulls = new ConcurrentHashMap<>();
    /** The latest state of the image each service waits for. */
    private final Map<ServiceType, ImagePullSnapshot> imagePulls = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<LogLine> lines = new ConcurrentLinkedQueue<>();
    private final Map<ServiceType, ServiceState> states = new ConcurrentHashMap<>();
    private final Runnable request;
    /** UI thread only: whether the page shows the run yet (lines wait until it does). */
    private boolean open;
    /** UI thread only: lines the page already has from the snapshot it opened with. */
    private Set<LogLine> alreadyShown = Set.of();

    LiveFeed(int maxLines, Pacing pacing, Consumer<Map<ServiceType, ServiceState>> onStates,
             BiConsumer<ServiceType, List<LogLine>> onLines, Consumer<List<PullSnapshot>> onPulls,
             BiConsumer<ServiceType, ImagePullSnapshot> onImagePull) {
        this.maxLines = maxLines;
        this.request = pacing.pace(this::deliver);
        this.onStates = onStates;
        this.onLines = onLines;
        this.onPulls = onPulls;
        this.onImagePull = onImagePull;
    }

    @Override
    public void onState(ServiceState state) {
        states.put(state.type(), state);
        request.run();
    }

    @Override
    public void onPull(String model, PullBoard board) {
        pulls.put(model, PullSnapshot.of(model, board));
        request.run();
    }

    @Override
    public void onImagePull(ServiceType service, ImagePullSnapshot pull) {
        imagePulls.put(service, pull);
        request.run();
    }

    @Override
    public void onLog(LogLine line) {
        lines.add(line);
        request.run();
    }

    /** Called on the UI thread once the page shows the snapshot the lines continue. */
    void open(List<LogLine> snapshot) {
        Set<LogLine> shown = Collections.newSetFromMap(new IdentityHashMap<>());
        shown.addAll(snapshot);
        alreadyShown = shown;
        open = true;
        request.run();
    }

    /** Stops handing anything over (the page is gone). */
    void close() {
        open = false;
        lines.clear();
        states.clear();
        pulls.clear();
        imagePulls.clear();
    }

    private void deliver() {
        if (!open) {
            return;
        }
        Map<ServiceType, ServiceState> latest = new EnumMap<>(ServiceType.class);
        for (ServiceType type : ServiceType.values()) {
            ServiceState state = states.remove(type);
            if (state != null) {
                latest.put(type, state);
            }
        }
        ArrayDeque<LogLine> batch = new ArrayDeque<>();
        for (LogLine line = lines.poll(); line != null; line = lines.poll()) {
            batch.addLast(line);
            if (batch.size() > maxLines) {
                batch.removeFirst();
            }
        }
        if (!alreadyShown.isEmpty()) {
            batch.removeIf(alreadyShown::contains);
            alreadyShown = Set.of();
        }
        if (!latest.isEmpty()) {
            onStates.accept(latest);
        }
        if (!pulls.isEmpty()) {
            List<PullSnapshot> pulling = new ArrayList<>();
            for (String model : List.copyOf(pulls.keySet())) {
                PullSnapshot snapshot = pulls.remove(model);
                if (snapshot != null) {
                    pulling.add(snapshot);
                }
            }
            onPulls.accept(pulling);
        }
        for (ServiceType type : ServiceType.values()) {
            ImagePullSnapshot pull = imagePulls.remove(type);
            if (pull != null) {
                onImagePull.accept(type, pull);
            }
        }
        if (!batch.isEmpty()) {
            Map<ServiceType, List<LogLine>> byService = new EnumMap<>(ServiceType.class);
            for (LogLine line : batch) {
                byService.computeIfAbsent(line.service(), t -> new ArrayList<>()).add(line);
            }
            byService.forEach(onLines);
        }
    }
}
