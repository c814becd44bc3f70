package io.metasystem.mlcore.config;

/** Start-up configuration that cannot work; {@link #variable()} names the environment variable to fix. */
public final class InvalidConfigurationException extends RuntimeException {
    private final String variable;

    public InvalidConfigurationException(String variable, String message) {
        super(variable + " " + message);
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
