package io.metasystem.mlcore.web;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Posting the form ({@code POST /login}, field {@code api_key}, CSRF token) is handled by
 * Spring Security ({@link WebSecurity}); a wrong key comes back here with {@code ?error}, a sign-out with
 * {@code ?logout}.
 */
@Controller
class LoginController {
    @GetMapping(Routes.LOGIN)
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String logout,
            Authentication authentication,
            Model model) {
        if (authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:" + Routes.DASHBOARD;
        }
        model.addAttribute("error", error != null);
        model.addAttribute("loggedOut", logout != null);
        model.addAttribute("keyField", Routes.KEY_FIELD);
        return "login";
    }

    /** The service's root opens the dashboard (or the sign-in page without a session). */
    @GetMapping("/")
    String root() {
        return "redirect:" + Routes.DASHBOARD;
    }
}
