package dev.aiworkbench.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done with the database connection, inside one transaction. When another process kept the database busy the
 * transaction is rolled back and the work may run again, so it does nothing but database work.
 */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
