/** JMH benchmarks of Sluice's hot paths. Run: {@code java -jar sluice-bench/target/sluice-benchmarks.jar}. */
package dev.sluice.bench;
