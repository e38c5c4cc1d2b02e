@NullMarked
package dev.mcpstack.workflow.mcp;

import org.jspecify.annotations.NullMarked;
