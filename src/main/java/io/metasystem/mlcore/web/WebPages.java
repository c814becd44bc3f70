package io.metasystem.mlcore.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page gets: the locale's {@link Formats} as {@code fmt}, the language-switch links as {@code langLinks},
 * and pages (not problem JSON) for errors of the page controllers only: 404 for an unknown account, 500 otherwise.
 */
@ControllerAdvice(
        assignableTypes = {
            LoginController.class,
            DashboardController.class,
            AlertsPageController.class,
            ArtistPagesController.class,
            ModelsPageController.class,
            RecommendationsPageController.class,
            ApplyPageController.class,
            AuditPageController.class,
            ImportPageController.class,
            OptimizePageController.class,
            CreativesPageController.class
        })
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPages {
    private static final Logger log = LoggerFactory.getLogger(WebPages.class);
    private static final List<String> DROPPED = List.of(PageLocale.PARAMETER, "error", "logout");

    @ModelAttribute("fmt")
    Formats formats(Locale locale) {
        return new Formats(locale);
    }

    /** Links to the same page in each language: the path and its parameters (but lang, error, logout) kept. */
    @ModelAttribute("langLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        Map<String, String> links = new LinkedHashMap<>();
        for (Locale l : PageLocale.SUPPORTED) {
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
            request.getParameterMap().forEach((name, values) -> {
                if (!DROPPED.contains(name)) {
                    link.queryParam(name, (Object[]) values);
                }
            });
            links.put(
                    l.getLanguage(),
                    link.queryParam(PageLocale.PARAMETER, l.getLanguage())
                            .encode()
                            .build()
                            .toUriString());
        }
        return links;
    }

    @ExceptionHandler(PageNotFoundException.class)
    ModelAndView notFound(PageNotFoundException e, Locale locale) {
        ModelAndView page = new ModelAndView("not-found", HttpStatus.NOT_FOUND);
        page.addObject("what", e.what());
        page.addObject("id", e.id());
        page.addObject("fmt", new Formats(locale));
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failure(Exception e, HttpServletRequest request, Locale locale) {
        log.error("Page {} failed", request.getRequestURI(), e);
        ModelAndView page = new ModelAndView("failure", HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject("fmt", new Formats(locale));
        return page;
    }
}
