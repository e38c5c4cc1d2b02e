@NullMarked
package dev.mcpstack.workflow.paging;

import org.jspecify.annotations.NullMarked;
