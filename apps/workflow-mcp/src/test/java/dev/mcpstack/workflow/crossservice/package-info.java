@NullMarked
package dev.mcpstack.workflow.crossservice;

import org.jspecify.annotations.NullMarked;
