package io.metasystem.mlcore.api;

import io.metasystem.mlcore.errors.FieldProblem;
import io.metasystem.mlcore.errors.InvalidInputException;
import io.metasystem.mlcore.errors.NotFoundException;
import io.metasystem.mlcore.store.AdSetAttributes;
import io.metasystem.mlcore.store.AdSetCatalog;
import io.metasystem.mlcore.store.InsightStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Sets an ad set's targeting/creative attributes by hand (the Meta sync sets them from targeting): the features the
 * store-trained models learn from and predict priors with (docs/ml.md).
 */
@RestController
@Tag(name = "store")
class AdSetAttributesController {
    private final InsightStore store;
    private final AdSetCatalog catalog;

    AdSetAttributesController(InsightStore store, AdSetCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** Answer: the ad set and the attributes as stored (keys sorted, values trimmed). */
    record AttributesResponse(String accountId, String adsetId, Map<String, String> attributes) {}

    @PutMapping(
            value = "/api/v1/accounts/{account_id}/adsets/{adset_id}/attributes",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Replace an ad set's attributes",
            description =
                    "Body: a string map, e.g. {\"objective\":\"conversions\",\"age\":\"25-34\",\"gender\":\"female\","
                            + "\"placement\":\"reels\"}; keys [a-z][a-z0-9_]{0,63}, values 1-200 "
                            + "characters, at most 50 entries. "
                            + "404 for an unknown account or ad set; 400 names each bad key.")
    ResponseEntity<Object> put(
            @PathVariable("account_id") String accountId,
            @PathVariable("adset_id") String adsetId,
            @RequestBody Map<String, String> body) {
        String account = Parameters.accountId(accountId);
        AdSetAttributes attributes = validate(body);
        store.requireAccount(account);
        if (!catalog.putAttributes(account, adsetId, attributes)) {
            String detail = "Account '" + account + "' has no ad set '" + adsetId + "'";
            throw new NotFoundException("ad set", adsetId, "adset_id", detail);
        }
        return ResponseEntity.ok(new AttributesResponse(account, adsetId, attributes.values()));
    }

    /** Checks every entry on its own, so the 400 names each bad key rather than the first. */
    static AdSetAttributes validate(Map<String, String> body) {
        if (body == null) {
            throw new InvalidInputException("$", "a JSON object of string attributes is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (body.size() > AdSetAttributes.MAX_ENTRIES) {
            problems.add(new FieldProblem(
                    "$", "at most " + AdSetAttributes.MAX_ENTRIES + " attributes, was " + body.size()));
        }
        body.forEach((k, v) -> {
            try {
                new AdSetAttributes(Collections.singletonMap(k, v));
            } catch (InvalidInputException e) {
                e.errors().forEach(p -> problems.add(new FieldProblem(k, p.message())));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new AdSetAttributes(body);
    }
}
