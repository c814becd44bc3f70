package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.config.MetaProperties;

final class MetaPropertiesSupport {
    private MetaPropertiesSupport() {
    }

    static String bare(String accountId) {
        return MetaProperties.bareAccount(accountId.strip());
    }
}
