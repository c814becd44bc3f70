package io.metasystem.mlcore.scheduling;

/** The tables that hold job resources; a closed set so that no table name ever comes from input. */
public enum JobTable {
    ML_JOB("ml_job"),
    META_JOB("meta_job"),
    VISION_JOB("vision_job"),
    REPORTING_JOB("reporting_job");

    private final String table;

    JobTable(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }
}
