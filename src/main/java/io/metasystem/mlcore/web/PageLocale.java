package io.metasystem.mlcore.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Language of the pages: English or Spanish, from the {@code lang} cookie set by {@code ?lang=en|es} on a page, else
 * the best match of {@code Accept-Language}, else English. Routes outside the pages resolve the locale exactly as
 * before (the request's {@code Accept-Language}), so the API is unaffected.
 */
@Configuration(proxyBeanMethods = false)
class PageLocale implements WebMvcConfigurer {
    static final Locale ENGLISH = Locale.ENGLISH;
    static final Locale SPANISH = Locale.forLanguageTag("es");
    static final List<Locale> SUPPORTED = List.of(ENGLISH, SPANISH);
    static final String PARAMETER = "lang";
    static final String COOKIE = "mlcore_lang";

    /** Replaces Spring Boot's Accept-Language resolver (the bean name is the one DispatcherServlet looks up). */
    @Bean
    LocaleResolver localeResolver() {
        return new Resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change).addPathPatterns(Routes.LOGIN, "/dashboard", "/dashboard/**");
    }

    /** The supported locale closest to {@code Accept-Language}; English when nothing matches. */
    static Locale bestMatch(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return match == null ? ENGLISH : match;
        } catch (IllegalArgumentException e) {
            return ENGLISH;
        }
    }

    /** Supported locale for a requested one ({@code es-MX} → Spanish); English for anything else. */
    static Locale supported(Locale requested) {
        return requested != null && SPANISH.getLanguage().equals(requested.getLanguage()) ? SPANISH : ENGLISH;
    }

    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(Routes.LOGIN)
                || path.equals("/dashboard")
                || path.startsWith("/dashboard/")
                || path.equals("/");
    }

    private static final class Resolver implements LocaleResolver {
        private final CookieLocaleResolver cookie = new CookieLocaleResolver(COOKIE);

        Resolver() {
            cookie.setCookieMaxAge(Duration.ofDays(365));
            cookie.setCookieSameSite("Lax");
            cookie.setDefaultLocaleFunction(request -> bestMatch(request.getHeader("Accept-Language")));
        }

        @Override
        public Locale resolveLocale(HttpServletRequest request) {
            return isPage(request) ? supported(cookie.resolveLocale(request)) : request.getLocale();
        }

        @Override
        public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
            cookie.setLocale(request, response, locale == null ? null : supported(locale));
        }
    }
}
