@NullMarked
package dev.mcpstack.workflow.benchmark;

import org.jspecify.annotations.NullMarked;
