@NullMarked
package dev.mcpstack.workflow.testing;

import org.jspecify.annotations.NullMarked;
