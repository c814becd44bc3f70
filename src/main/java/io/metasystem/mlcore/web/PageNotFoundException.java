package io.metasystem.mlcore.web;

/** A page names something that is not stored (an unknown account); answered with the 404 page. */
final class PageNotFoundException extends RuntimeException {
    private final String what;
    private final String id;

    /**
     * @param what message key of the kind of thing ({@code notfound.account})
     * @param id   the id asked for, shown on the page (escaped)
     */
    PageNotFoundException(String what, String id) {
        super(what + " " + id);
        this.what = what;
        this.id = id;
    }

    String what() {
        return what;
    }

    String id() {
        return id;
    }
}
