package dev.mcpstack.workflow.codebase;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where codebase-mcp answers (env {@code WORKFLOW_CODEBASE_URL}) and how long to wait for it. The overall
 * per-call budget is the {@code codebase} time limiter in resilience4j's configuration.
 */
@ConfigurationProperties("workflow.codebase")
record CodebaseProperties(URI url, Duration connectTimeout, Duration responseTimeout) {}
