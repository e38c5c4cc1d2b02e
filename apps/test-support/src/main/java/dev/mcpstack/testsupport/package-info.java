/** What tests and the validator share: tar archive builders (hostile ones too) and the synthetic repository generator. */
@NullMarked
package dev.mcpstack.testsupport;

import org.jspecify.annotations.NullMarked;
