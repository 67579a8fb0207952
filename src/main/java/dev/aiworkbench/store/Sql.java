package dev.aiworkbench.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** Binding and reading nullable values with the database's cached statements, for the feature stores. */
public final class Sql {
    private Sql() {
    }

    public static PreparedStatement bind(Database database, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = database.statement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object value = parameters[i];
            switch (value) {
                case null -> statement.setNull(i + 1, Types.NULL);
                case Integer number -> statement.setInt(i + 1, number);
                case Long number -> statement.setLong(i + 1, number);
                case Double number -> statement.setDouble(i + 1, number);
                case Boolean flag -> statement.setInt(i + 1, flag ? 1 : 0);
                case Instant instant -> statement.setString(i + 1, Timestamps.format(instant));
                default -> statement.setString(i + 1, value.toString());
            }
        }
        return statement;
    }

    public static Integer nullableInt(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet r, int column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : value;
    }

    public static Double nullableDouble(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }

    public static Instant instant(ResultSet r, int column) throws SQLException {
        return Timestamps.parse(r.getString(column));
    }
}
