@NullMarked
package dev.mcpstack.validator.report;

import org.jspecify.annotations.NullMarked;
