package dev.mcpstack.workflow.projects;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param cacheTtl how long a replica trusts its cached copy of a client's active project; a switch made through
 *     another replica becomes visible here after at most this long (a switch through this replica at once)
 */
@ConfigurationProperties("workflow.active-project")
record ActiveProjectProperties(Duration cacheTtl) {}
