@NullMarked
package dev.mcpstack.workflow.codebase;

import org.jspecify.annotations.NullMarked;
