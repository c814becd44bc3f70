package io.metasystem.mlcore.api;

/** {@link MlApiContract} on H2 in memory (the test default database). */
class MlApiTest extends MlApiContract {}
