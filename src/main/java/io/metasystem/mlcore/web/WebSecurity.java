package io.metasystem.mlcore.web;

import io.metasystem.mlcore.config.ApiKeyHolder;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.Arrays;
import java.util.List;

/**
 * Two filter chains, so that the API behaves exactly as without Spring Security:
 * <ol>
 *   <li>{@link #API_ROUTES}: stateless, no CSRF, no session, no added headers, everything permitted here. The
 *       API-key filter of the {@code api} package (which runs before Spring Security) keeps authenticating
 *       {@code /api/**}; a dashboard session cookie never authenticates an API call.
 *   <li>Everything else (the pages): {@code /dashboard/**} needs a session, opened by posting a valid API key to
 *       {@code /login} (field {@code api_key}); {@code POST /logout} closes it. Every state-changing form carries a
 *       CSRF token; a POST without one is answered 403. Static assets and the sign-in page are public.
 * </ol>
 * The session cookie's attributes (HttpOnly, SameSite=Strict, Secure, timeout) are set in {@code application.yml}
 * ({@code server.servlet.session.*}). Without a servlet web server (the command line, non-web tests) there is
 * nothing to secure and this configuration stays off.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebSecurity {
    /** Routes of the API chain: the JSON API, health, API docs and metrics. */
    static final String[] API_ROUTES = {
        "/api/**", "/health", "/v3/api-docs/**", "/docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/**"
    };

    /** Authority of every signed-in dashboard user: the pages (GET). */
    static final String DASHBOARD_AUTHORITY = "ROLE_DASHBOARD";
    /** Authority of a user signed in with a full-access key ({@code API_KEY}): forms that change something. */
    static final String EDITOR_AUTHORITY = "ROLE_EDITOR";

    /** True when the signed-in user may post the forms that change something (a full-access key). */
    static boolean canEdit(Authentication who) {
        return who != null && who.getAuthorities().stream().anyMatch(a -> EDITOR_AUTHORITY.equals(a.getAuthority()));
    }

    /**
     * Content-Security-Policy of the pages: scripts and styles only from the service itself (ECharts sets element
     * styles from script, hence {@code 'unsafe-inline'} for styles only), no frames, forms post only to the service.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, @Value("${mlcore.cors-allowed-origins:}") String corsAllowedOrigins)
            throws Exception {
        return http.securityMatcher(API_ROUTES)
                .cors(c -> c.configurationSource(cors(corsAllowedOrigins)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(h -> h.defaultsDisabled()
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .logout(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * CORS of the API: closed (no {@code Access-Control-Allow-Origin}, so browsers on other origins are refused) unless
     * {@code CORS_ALLOWED_ORIGINS} lists origins (comma-separated, e.g. {@code https://app.example.com}); those may
     * call the API with the {@code X-API-Key} or {@code Authorization} header, never with cookies.
     */
    static CorsConfigurationSource cors(String allowedOrigins) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = allowedOrigins == null
                ? List.of()
                : Arrays.stream(allowedOrigins.split(","))
                        .map(String::strip)
                        .filter(o -> !o.isEmpty())
                        .toList();
        if (!origins.isEmpty()) {
            CorsConfiguration config = new CorsConfiguration();
            config.setAllowedOrigins(origins);
            config.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "DELETE"));
            config.setAllowedHeaders(List.of("X-API-Key", "Authorization", "Content-Type", "X-Request-Id"));
            config.setExposedHeaders(List.of("X-Request-Id", "Retry-After", "Location"));
            config.setAllowCredentials(false);
            config.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", config);
        }
        return source;
    }

    @Bean
    @Order(2)
    SecurityFilterChain pagesChain(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD)
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/dashboard/**")
                        .hasAuthority(EDITOR_AUTHORITY)
                        .requestMatchers("/dashboard", "/dashboard/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .formLogin(f -> f.loginPage(Routes.LOGIN)
                        .loginProcessingUrl(Routes.LOGIN)
                        .passwordParameter(Routes.KEY_FIELD)
                        .defaultSuccessUrl(Routes.DASHBOARD, false)
                        .failureUrl(Routes.LOGIN + "?error")
                        .permitAll())
                .logout(l -> l.logoutUrl(Routes.LOGOUT)
                        .logoutSuccessUrl(Routes.LOGIN + "?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("JSESSIONID"))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .httpBasic(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * Signs in with the API key: the key is the password field {@code api_key}, the user name is ignored. The check is
     * {@link ApiKeyHolder#access}, in constant time; the key is neither kept in the session nor logged. A full key
     * ({@code API_KEY}) may also post the forms that change something; a read-only key ({@code API_KEYS_READONLY})
     * only views the pages (a form post is a 403).
     */
    @Bean
    AuthenticationProvider apiKeyAuthenticationProvider(ApiKeyHolder keys) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                Object credentials = authentication.getCredentials();
                ApiKeyHolder.Access access = credentials instanceof String key && !key.isBlank()
                        ? keys.access(key)
                        : ApiKeyHolder.Access.NONE;
                if (access == ApiKeyHolder.Access.NONE) {
                    throw new BadCredentialsException("The API key is not valid.");
                }
                return UsernamePasswordAuthenticationToken.authenticated(
                        access == ApiKeyHolder.Access.FULL ? "editor" : "viewer",
                        null,
                        access == ApiKeyHolder.Access.FULL
                                ? AuthorityUtils.createAuthorityList(DASHBOARD_AUTHORITY, EDITOR_AUTHORITY)
                                : AuthorityUtils.createAuthorityList(DASHBOARD_AUTHORITY));
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }
}
