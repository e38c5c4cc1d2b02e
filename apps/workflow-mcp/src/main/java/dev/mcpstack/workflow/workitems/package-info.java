@NullMarked
package dev.mcpstack.workflow.workitems;

import org.jspecify.annotations.NullMarked;
