@NullMarked
package dev.mcpstack.workflow.web;

import org.jspecify.annotations.NullMarked;
