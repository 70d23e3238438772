/** Per-source data policy: which tables may be read, and which columns are masked in every answer. */
package dev.sluice.sql.policy;
