package dev.mcpstack.common.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;

/** Names the busy port and the setting to change, ahead of Boot's generic analyzer for the same failure. */
final class PortInUseFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
        return new FailureAnalysis(
                "Port " + cause.getPort() + " is already in use.",
                "Stop the process listening on port " + cause.getPort()
                        + " or start this service on another port with SERVER_PORT=<port>.",
                cause);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
