package io.metasystem.mlcore.web;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiCorsTest {
    private static CorsConfiguration configFor(CorsConfigurationSource source, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRequestURI(path);
        return source.getCorsConfiguration(request);
    }

    @Test
    void withoutAllowedOriginsTheApiHasNoCorsConfigurationSoOtherOriginsAreRefused() {
        assertThat(configFor(WebSecurity.cors(""), "/api/v1/accounts")).isNull();
        assertThat(configFor(WebSecurity.cors(null), "/api/v1/accounts")).isNull();
        assertThat(configFor(WebSecurity.cors(" , "), "/api/v1/accounts")).isNull();
    }

    @Test
    void listedOriginsMayCallTheApiWithTheKeyHeaderButNeverWithCookies() {
        CorsConfigurationSource source = WebSecurity.cors("https://app.example.com, https://ops.example.com");
        CorsConfiguration config = configFor(source, "/api/v1/meta_ads/optimize");
        assertThat(config).isNotNull();
        assertThat(config.checkOrigin("https://app.example.com")).isEqualTo("https://app.example.com");
        assertThat(config.checkOrigin("https://evil.example.com")).isNull();
        assertThat(config.checkHeaders(List.of("X-API-Key"))).containsExactly("X-API-Key");
        assertThat(config.getAllowCredentials()).isFalse();
        assertThat(configFor(source, "/dashboard")).isNull();
    }
}
