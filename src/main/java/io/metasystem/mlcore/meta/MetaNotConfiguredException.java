package io.metasystem.mlcore.meta;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.ProblemException;
import io.metasystem.mlcore.errors.ProblemKind;

import java.util.List;
import java.util.Map;

/** A Graph API call was needed but {@code META_ACCESS_TOKEN} is not set: 503 "Meta connector not configured". */
public class MetaNotConfiguredException extends ProblemException {
    public MetaNotConfiguredException(String message) {
        super(
                ProblemKind.UNAVAILABLE,
                "Meta connector not configured",
                message,
                List.of(new FieldProblem("$", message)),
                Map.of(),
                null);
    }
}
