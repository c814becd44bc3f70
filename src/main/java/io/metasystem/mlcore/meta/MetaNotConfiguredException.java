package io.metasystem.mlcore.meta;

/** A Graph API call was needed but {@code META_ACCESS_TOKEN} is not set. */
public class MetaNotConfiguredException extends RuntimeException {
    public MetaNotConfiguredException(String message) {
        super(message);
    }
}
