package dev.aiworkbench.llm;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What the JDK's HTTP client reports when a model server cannot be reached, read the same way by every gateway. */
public final class TransportFailures {
    private TransportFailures() {
    }

    /** The failure itself, out of the CompletionException and ExecutionException that futures wrap it in. */
    public static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Nothing answered at the address: refused, unresolvable, or no connection within the connect timeout. */
    public static boolean unreachable(Throwable cause) {
        return cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException
                || cause instanceof UnresolvedAddressException || cause.getCause() instanceof ConnectException
                || cause.getCause() instanceof UnresolvedAddressException;
    }
}
