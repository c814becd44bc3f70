package io.metasystem.mlcore.store;

/** The few SQL spellings that differ between PostgreSQL and H2 (PostgreSQL mode): JSON columns. */
public enum SqlDialect {
    POSTGRES("jsonb", "cast(%s as jsonb)"),
    H2("json", "%s format json");

    private final String jsonType;
    private final String jsonParameter;

    SqlDialect(String jsonType, String jsonParameter) {
        this.jsonType = jsonType;
        this.jsonParameter = jsonParameter;
    }

    /** Column type of JSON documents. */
    public String jsonType() {
        return jsonType;
    }

    /** SQL expression that stores the JSON text bound to {@code parameter} (e.g. {@code :extra}) as a JSON value. */
    public String json(String parameter) {
        return jsonParameter.formatted(parameter);
    }
}
