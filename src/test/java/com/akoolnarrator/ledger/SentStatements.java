package com.akoolnarrator.ledger;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The text of every statement sent through a data source: which of the ledger's statements the tests that used it
 * reached. Prepared statements are noted when prepared, plain ones when executed or batched.
 */
final class SentStatements {

    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    boolean contains(String sql) {
        return sent.contains(sql);
    }

    /** {@code dataSource}, noting the text of every statement sent through it. */
    DataSource recording(DataSource dataSource) {
        return (DataSource) Proxy.newProxyInstance(SentStatements.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? recording(connection) : result;
                });
    }

    private Connection recording(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                sent.add(sql);
            }
            Object result = invoke(connection, method, args);
            return result instanceof Statement statement && !(result instanceof PreparedStatement)
                    ? recording(statement) : result;
        };
        return (Connection) Proxy.newProxyInstance(SentStatements.class.getClassLoader(),
                new Class<?>[] { Connection.class }, handler);
    }

    private Statement recording(Statement statement) {
        return (Statement) Proxy.newProxyInstance(SentStatements.class.getClassLoader(),
                new Class<?>[] { Statement.class }, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute") || method.getName().equals("addBatch")) {
                        if (args != null && args.length > 0 && args[0] instanceof String sql) {
                            sent.add(sql);
                        }
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
