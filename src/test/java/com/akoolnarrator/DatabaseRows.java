package com.akoolnarrator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** What a query answers, first column as text: for tests that look into a job database the jar left. */
final class DatabaseRows {

    private DatabaseRows() {
    }

    static List<String> column(Connection connection, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
