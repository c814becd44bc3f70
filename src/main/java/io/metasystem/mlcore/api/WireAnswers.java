package io.metasystem.mlcore.api;

import io.metasystem.mlcore.recommendation.OptimizeAnswers;
import io.metasystem.mlcore.recommendation.Optimized;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * Optimize answers in the wire format ({@link OptimizeResponse}, {@link OptimizeMapper#toAnswer}) with the alert
 * warnings ({@link AlertWarnings}): the stateless route's and, through the {@code recommendation} package's
 * account-optimize use case, every account optimization's.
 */
@Component
class WireAnswers implements OptimizeAnswers {
    private final OptimizeMapper mapper;
    private final ObjectMapper json;
    private final AlertWarnings alertWarnings;

    WireAnswers(OptimizeMapper mapper, ObjectMapper json, AlertWarnings alertWarnings) {
        this.mapper = mapper;
        this.json = json;
        this.alertWarnings = alertWarnings;
    }

    @Override
    public ObjectNode answer(Optimized optimized, List<Double> totalSweep, Integer horizonDays) {
        return json.valueToTree(mapper.toAnswer(optimized, totalSweep, horizonDays));
    }

    @Override
    public void addWarnings(ObjectNode answer) {
        alertWarnings.addTo(answer);
    }
}
