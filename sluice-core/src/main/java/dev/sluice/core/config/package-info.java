/**
 * Configuration: YAML with {@code ${ENV}} substitution, read strictly. Every mistake names the
 * file, line and key at fault, at start-up rather than at first use.
 */
package dev.sluice.core.config;
