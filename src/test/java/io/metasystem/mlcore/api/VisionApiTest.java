package io.metasystem.mlcore.api;

/** {@link VisionApiContract} on H2 (the shared {@link io.metasystem.mlcore.testing.WebApiTest} context). */
class VisionApiTest extends VisionApiContract {}
