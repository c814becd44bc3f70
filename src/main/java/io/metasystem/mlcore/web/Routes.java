package io.metasystem.mlcore.web;

/** Paths and form fields of the pages, shared by the controllers and the security configuration. */
final class Routes {
    /** Sign-in page (GET) and sign-in form target (POST). */
    static final String LOGIN = "/login";
    /** Sign-out (POST with CSRF token). */
    static final String LOGOUT = "/logout";
    /** The overview; account pages live below it. */
    static final String DASHBOARD = "/dashboard";
    /** The alerts page. */
    static final String ALERTS = DASHBOARD + "/alerts";
    /** The artists pages. */
    static final String ARTISTS = DASHBOARD + "/artists";
    /** The models page. */
    static final String MODELS = DASHBOARD + "/models";
    /** The audit log of applied changes. */
    static final String AUDIT = DASHBOARD + "/audit";
    /** The sign-in form's field holding the API key. */
    static final String KEY_FIELD = "api_key";

    private Routes() {}

    /** A request parameter stripped, or null when it is absent or blank. */
    static String parameter(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
