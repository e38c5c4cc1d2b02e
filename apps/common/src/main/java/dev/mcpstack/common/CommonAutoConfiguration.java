package dev.mcpstack.common;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Brings the shared pieces into any application that has this module on its class path. */
@AutoConfiguration
@ComponentScan(basePackages = "dev.mcpstack.common")
public class CommonAutoConfiguration {}
