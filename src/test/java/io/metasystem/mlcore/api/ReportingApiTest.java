package io.metasystem.mlcore.api;

/** {@link ReportingApiContract} on H2. */
class ReportingApiTest extends ReportingApiContract {}
