package dev.aiworkbench.labs.checks;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One HTTP exchange within a deadline: the whole answer (headers and body) arrives in time or the call is cancelled. */
final class HttpCalls {
    private HttpCalls() {
    }

    /**
     * @param latencyMillis from sending the request to the last byte of the body
     */
    record Reply(int status, HttpHeaders headers, byte[] body, boolean cut, long latencyMillis) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The call failed before an answer came: {@link #timedOut()} or a transport failure. */
    static final class CallFailed extends Exception {
        private final boolean timedOut;
        private final boolean refused;

        CallFailed(String message, boolean timedOut, boolean refused, Throwable cause) {
            super(message, cause);
            this.timedOut = timedOut;
            this.refused = refused;
        }

        boolean timedOut() {
            return timedOut;
        }

        /** Nothing answers at the address (connection refused, unknown host). */
        boolean refused() {
            return refused;
        }
    }

    static Reply send(HttpClient client, HttpRequest.Builder builder, Deadline deadline, int limit)
            throws CallFailed, InterruptedException {
        HttpRequest request = builder.timeout(deadline.remaining().isZero() ? java.time.Duration.ofMillis(1)
                : deadline.remaining()).build();
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<BoundedBody.Body>> call = client.sendAsync(request, BoundedBody.handler(limit));
        try {
            HttpResponse<BoundedBody.Body> response = call.get(deadline.remainingMillis(), TimeUnit.MILLISECONDS);
            long latency = (System.nanoTime() - start) / 1_000_000;
            return new Reply(response.statusCode(), response.headers(), response.body().bytes(), response.body().cut(),
                    latency);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timeout(request.uri(), deadline, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new CallFailed("connecting to " + origin(request.uri()) + " timed out", true, false, cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw timeout(request.uri(), deadline, cause);
            }
            if (cause instanceof ConnectException || cause.getCause() instanceof ConnectException
                    || cause instanceof UnresolvedAddressException || cause.getCause() instanceof UnresolvedAddressException) {
                throw new CallFailed("nothing answers at " + origin(request.uri()), false, true, cause);
            }
            String what = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage() : cause.toString();
            throw new CallFailed("the connection to " + origin(request.uri()) + " failed (" + what + ")", false, false, cause);
        }
    }

    private static CallFailed timeout(URI uri, Deadline deadline, Throwable cause) {
        return new CallFailed(origin(uri) + " did not answer within " + Text.seconds(deadline.timeout()), true, false,
                cause);
    }

    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
