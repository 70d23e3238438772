/** Tools every Sluice server offers, whatever its sources. */
package dev.sluice.core.tools;
