/** Sluice's core: configuration, and the tools every deployment has. */
package dev.sluice.core;
