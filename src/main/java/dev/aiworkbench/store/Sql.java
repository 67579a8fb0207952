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
            bind(statement, i + 1, parameters[i]);
        }
        return statement;
    }

    /**
     * Tests in turn, not a switch over types: such a switch makes a class when first run, in every process (the AOT
     * cache keeps lambdas and string joins made in training, not those), and every start runs this.
     */
    private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Double number) {
            statement.setDouble(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setInt(index, flag ? 1 : 0);
        } else if (value instanceof Instant instant) {
            statement.setString(index, Timestamps.format(instant));
        } else {
            statement.setString(index, value.toString());
        }
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
