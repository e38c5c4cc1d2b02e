@NullMarked
package dev.mcpstack.workflow;

import org.jspecify.annotations.NullMarked;
