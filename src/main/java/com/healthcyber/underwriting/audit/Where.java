package com.healthcyber.underwriting.audit;

import java.util.ArrayList;
import java.util.List;

/** The conditions of a query and their parameters, in order: values are always bound, never written into the SQL. */
final class Where {
    private final StringBuilder sql = new StringBuilder();
    final List<Object> parameters = new ArrayList<>();

    void and(String condition, Object... values) {
        sql.append(sql.isEmpty() ? " WHERE " : " AND ").append(condition);
        parameters.addAll(List.of(values));
    }

    String sql() {
        return sql.toString();
    }

    void bind(java.sql.PreparedStatement statement) throws java.sql.SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
    }
}
