/**
 * Application-wide settings bound from the environment ({@code MlCoreProperties}, {@code MetaProperties},
 * {@code MetaSyncProperties}, {@code WebhookProperties}; the README's configuration table), the API keys, the one
 * {@code Clock} bean (UTC; tests replace it) and the start-up failure messages that name the bad variable
 * ({@code ConfigurationFailureAnalyzer}).
 *
 * <p>Owns: validation of configuration at start-up; secrets are never logged or put in messages.
 *
 * <p>May use: Spring (Boot configuration properties, validation) and the JDK; no other package of ours.
 */
package io.metasystem.mlcore.config;
