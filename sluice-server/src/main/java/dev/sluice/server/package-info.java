/** The runnable server: {@code Main}, the command line, and the wiring of all modules. */
package dev.sluice.server;
