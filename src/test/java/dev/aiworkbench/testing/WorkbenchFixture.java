package dev.aiworkbench.testing;

import dev.aiworkbench.app.DataFolderException;
import dev.aiworkbench.app.Workbench;
import dev.aiworkbench.app.WorkbenchOptions;
import dev.aiworkbench.curriculum.Pack;
import dev.aiworkbench.ui.session.Notices;
import dev.aiworkbench.ui.session.ProgressModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A real workbench over a temporary data folder, with the progress model the screens share running on an
 * {@link ImmediateTaskExecutor}: what a view model test builds its view model from.
 */
public final class WorkbenchFixture implements AutoCloseable {
    private final Workbench workbench;
    private final ImmediateTaskExecutor tasks = new ImmediateTaskExecutor();
    private final Notices notices;
    private final ProgressModel progress;

    private WorkbenchFixture(Workbench workbench) {
        this.workbench = workbench;
        this.notices = new Notices(workbench.dataFolder().logs());
        this.progress = progressModel();
    }

    /** The bundled pack over {@code data}. */
    public static WorkbenchFixture open(Path data, Clock clock) throws DataFolderException {
        return open(data, Optional.empty(), clock);
    }

    /** @param pack a pack folder to read instead of the bundled one */
    public static WorkbenchFixture open(Path data, Optional<Path> pack, Clock clock) throws DataFolderException {
        return new WorkbenchFixture(Workbench.open(new WorkbenchOptions(Optional.of(data), pack), clock));
    }

    /** A progress model as the app makes one on opening: the snapshot read now, writes on the immediate executor. */
    public ProgressModel progressModel() {
        return new ProgressModel(workbench.progress(), workbench.pack(), workbench.clock(),
                workbench.pack().pack().map(p -> workbench.progress().snapshot(p)).orElse(null), tasks, notices);
    }

    public Workbench workbench() {
        return workbench;
    }

    public Pack pack() {
        return workbench.pack().pack().orElseThrow();
    }

    public ImmediateTaskExecutor tasks() {
        return tasks;
    }

    public Notices notices() {
        return notices;
    }

    public ProgressModel progress() {
        return progress;
    }

    @Override
    public void close() {
        workbench.close();
    }
}
