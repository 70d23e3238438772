/** Test doubles shared by the tests of more than one sluice-llm package: fake clocks, stub providers, fake clients. */
package dev.sluice.llm.testing;
