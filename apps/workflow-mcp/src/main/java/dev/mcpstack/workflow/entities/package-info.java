@NullMarked
package dev.mcpstack.workflow.entities;

import org.jspecify.annotations.NullMarked;
