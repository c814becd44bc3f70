package io.metasystem.mlcore.ml;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopesTest {
    @Test
    void accountScopesUseTheStoredAccountSpellingAndOthersStayAsTheyAre() {
        assertThat(Scopes.canonical("account:act_123")).isEqualTo("account:123");
        assertThat(Scopes.canonical(" account:123 ")).isEqualTo("account:123");
        assertThat(Scopes.ofAccount("act_123")).isEqualTo(Scopes.canonical("account:123"));
        assertThat(Scopes.canonical("kag")).isEqualTo("kag");
        assertThat(Scopes.canonical("act_123")).isEqualTo("act_123");
        assertThat(Scopes.canonical(null)).isNull();
    }
}
