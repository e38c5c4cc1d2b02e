/** Tests of the monitoring content: alert rules, dashboards, validation metrics, against real Prometheus tools. */
@NullMarked
package dev.mcpstack.validator.monitoring;

import org.jspecify.annotations.NullMarked;
