@NullMarked
package dev.mcpstack.workflow.projects;

import org.jspecify.annotations.NullMarked;
