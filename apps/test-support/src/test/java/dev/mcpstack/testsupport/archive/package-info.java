@NullMarked
package dev.mcpstack.testsupport.archive;

import org.jspecify.annotations.NullMarked;
