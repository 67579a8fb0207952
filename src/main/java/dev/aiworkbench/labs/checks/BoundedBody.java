package dev.aiworkbench.labs.checks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body kept up to a limit: past it the rest is not read (the exchange is cancelled) and the body is
 * marked cut, so a huge or endless answer cannot exhaust memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<BoundedBody.Body> {
    static final int DEFAULT_LIMIT = 4 * 1024 * 1024;

    /** @param cut the server sent more than the limit; only the first {@code limit} bytes are here */
    record Body(byte[] bytes, boolean cut) {
    }

    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<Body> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    BoundedBody(int limit) {
        this.limit = limit;
    }

    static HttpResponse.BodyHandler<Body> handler(int limit) {
        return info -> new BoundedBody(limit);
    }

    @Override
    public CompletionStage<Body> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        for (ByteBuffer item : items) {
            int room = limit - buffer.size();
            int take = Math.min(room, item.remaining());
            byte[] bytes = new byte[take];
            item.get(bytes);
            buffer.write(bytes, 0, take);
            if (item.hasRemaining()) {
                subscription.cancel();
                result.complete(new Body(buffer.toByteArray(), true));
                return;
            }
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(new Body(buffer.toByteArray(), false));
    }
}
