package dev.aiworkbench.labs.checks;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a blocking call (a model gateway call, which has timeouts of its own far longer than a check's) on a thread
 * of its own and stops waiting at the deadline, interrupting the call (the gateway then cancels its request).
 */
final class Within {
    @FunctionalInterface
    interface Call<T, E extends Exception> {
        T call() throws E;
    }

    private Within() {
    }

    static <T, E extends Exception> T deadline(Deadline deadline, Class<E> failure, Call<T, E> call)
            throws E, TimeoutException, InterruptedException {
        FutureTask<T> task = new FutureTask<>(call::call);
        Thread.ofVirtual().name("lab-check-call").start(task);
        try {
            return task.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | InterruptedException e) {
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (failure.isInstance(cause)) {
                throw failure.cast(cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }
}
