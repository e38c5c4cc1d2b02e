@NullMarked
package dev.mcpstack.testsupport.repository;

import org.jspecify.annotations.NullMarked;
