/** Tests of the Helm chart: lint, renders of every documented variation, typed models, schema, security. */
@NullMarked
package dev.mcpstack.deployment.chart;

import org.jspecify.annotations.NullMarked;
