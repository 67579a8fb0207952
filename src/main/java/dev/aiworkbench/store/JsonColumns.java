package dev.aiworkbench.store;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The object mapper for JSON kept in the database (answers, eval cases, budgets, archived progress), shared, since an
 * unconfigured mapper is thread-safe. Made on first use: a start that reads no such column does not pay for Jackson's
 * start-up.
 */
public final class JsonColumns {
    private JsonColumns() {
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
}
