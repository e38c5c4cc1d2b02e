package dev.mcpstack.common.database;

import io.r2dbc.proxy.callback.ProxyFactory;
import io.r2dbc.proxy.callback.QueriesExecutionContext;
import io.r2dbc.proxy.core.ConnectionInfo;
import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.StatementInfo;
import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;

/**
 * r2dbc-proxy's own proxies for connections, statements and results, but rows handed on as the driver made them.
 * Query execution stays observed (a statement's duration ends when its result is consumed, which the result proxy
 * sees), while a JDK proxy per row and the listeners' before/after callbacks around every {@code Row.get} go: they
 * were 3-15 % of an entity query's CPU (docs/performance/workflow-mcp.md). No listener of ours watches row methods.
 */
final class UnwrappedRows implements ProxyFactory {

    private final ProxyFactory proxies;

    UnwrappedRows(ProxyFactory proxies) {
        this.proxies = proxies;
    }

    @Override
    public ConnectionFactory wrapConnectionFactory(ConnectionFactory connectionFactory) {
        return proxies.wrapConnectionFactory(connectionFactory);
    }

    @Override
    public Connection wrapConnection(Connection connection, ConnectionInfo connectionInfo) {
        return proxies.wrapConnection(connection, connectionInfo);
    }

    @Override
    public Batch wrapBatch(Batch batch, ConnectionInfo connectionInfo) {
        return proxies.wrapBatch(batch, connectionInfo);
    }

    @Override
    public Statement wrapStatement(Statement statement, StatementInfo statementInfo, ConnectionInfo connectionInfo) {
        return proxies.wrapStatement(statement, statementInfo, connectionInfo);
    }

    @Override
    public Result wrapResult(Result result, QueryExecutionInfo executionInfo, QueriesExecutionContext context) {
        return proxies.wrapResult(result, executionInfo, context);
    }

    @Override
    public Row wrapRow(Row row, QueryExecutionInfo executionInfo) {
        return row;
    }

    @Override
    public Result.RowSegment wrapRowSegment(Result.RowSegment segment, QueryExecutionInfo executionInfo) {
        return segment;
    }
}
