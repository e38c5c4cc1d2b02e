/**
 * The run's results as Prometheus metrics ({@code mcp_validation_*}): a {@code metrics.prom} text file in the
 * report directory always, and a push to a Pushgateway when one is given, so Grafana and the alert rules see the
 * last validation.
 */
@NullMarked
package dev.mcpstack.validator.metrics;

import org.jspecify.annotations.NullMarked;
