/** The Jib images run in a Docker engine the test starts itself, the way the chart's pod specs say. */
@NullMarked
package dev.mcpstack.deployment.image;

import org.jspecify.annotations.NullMarked;
